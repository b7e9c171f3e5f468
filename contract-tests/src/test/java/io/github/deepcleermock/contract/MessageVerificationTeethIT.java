package io.github.deepcleermock.contract;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.Interaction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.contract.MessageVerifier.Outcome;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import io.github.deepcleermock.mock.pact.CallbackMessage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The callback message pact verified through a running mock's {@code POST /__admin/pact/messages} (what a verifier
 * in any language calls), and proof that verification can fail: each wrong expectation, written under
 * {@code target/teeth/}, fails both in this JVM's sandbox and through the endpoint, while its unbroken original
 * passes in the same harness.
 */
class MessageVerificationTeethIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance();

  private final MessageVerifier verifier = new MessageVerifier();
  private URI baseUri;

  @BeforeEach
  void connect(DeepCleerMock mock) {
    baseUri = mock.baseUri();
  }

  @TestFactory
  Stream<DynamicTest> theRunningMockProducesEveryMessageOfThePactThroughItsEndpoint() {
    List<Interaction> interactions = MockVerifier.load(PactParticipants.callbackPactFile()).getInteractions();
    assertThat(interactions).extracting(Interaction::getDescription)
        .containsExactlyInAnyOrderElementsOf(CallbackMessage.descriptions());
    return interactions.stream().map(i -> DynamicTest.dynamicTest(i.getDescription(), () -> {
      Outcome outcome = verifier.verifyThroughEndpoint(baseUri, i);
      assertThat(outcome.passed()).as(outcome.describe()).isTrue();
    }));
  }

  /** A wrong expectation: which message it starts from, how it breaks it, and what the failure must name. */
  enum WrongExpectation {
    A_FIELD_THE_MOCK_NEVER_SENDS(
        CallbackMessage.REJECTED_FRAME_RESULT, i -> content(i).with("frameDetail").put("blurScore", 0.5),
        "blurScore"),
    STAT_CODE_0_ON_AN_END_CALLBACK(
        CallbackMessage.END_AFTER_CLOSE, i -> content(i).put("statCode", 0), "$.statCode"),
    STREAM_TIME_AS_A_STRING(
        CallbackMessage.END_AFTER_CLOSE,
        i -> {
          content(i).with("auxInfo").put("streamTime", "20");
          ((ObjectNode) i.at("/matchingRules/body/$.auxInfo.streamTime/matchers/0")).put("match", "type");
        },
        "$.auxInfo.streamTime"),
    REJECT_WHERE_THE_SCRIPT_SAYS_REVIEW(
        CallbackMessage.AUDIO_RESULT, i -> {
          content(i).with("audioDetail").put("riskLevel", "REJECT");
          ((ObjectNode) i.path("matchingRules").path("body")).remove("$.audioDetail.riskLevel");
        },
        "$.audioDetail.riskLevel"),
    NO_ERROR_CODE_AFTER_A_PULL_FAILURE(
        CallbackMessage.END_AFTER_PULL_FAILURE, i -> {
          ObjectNode params = (ObjectNode) i.at("/providerStates/0/params/script");
          params.remove("pullFailure");
          params.put("endAt", 10);
        },
        "errorCode");

    private final CallbackMessage message;
    private final Consumer<ObjectNode> breakIt;
    private final String failureMentions;

    WrongExpectation(CallbackMessage message, Consumer<ObjectNode> breakIt, String failureMentions) {
      this.message = message;
      this.breakIt = breakIt;
      this.failureMentions = failureMentions;
    }
  }

  @ParameterizedTest
  @EnumSource(WrongExpectation.class)
  void verificationFailsInJavaAndThroughTheEndpoint(WrongExpectation wrong) throws IOException {
    ObjectNode pact = (ObjectNode) JSON.readTree(PactParticipants.callbackPactFile().toFile());
    ObjectNode original = interaction(pact, wrong.message.description());

    Interaction control = single(pact, original, "message-" + wrong.name().toLowerCase() + "-control");
    assertThat(verifier.verifyInSandbox(control).passed()).as("control in the sandbox").isTrue();
    assertThat(verifier.verifyThroughEndpoint(baseUri, control).passed()).as("control through the endpoint").isTrue();

    ObjectNode broken = original.deepCopy();
    wrong.breakIt.accept(broken);
    Interaction wrongOne = single(pact, broken, "message-" + wrong.name().toLowerCase());
    Outcome inJava = verifier.verifyInSandbox(wrongOne);
    Outcome throughEndpoint = verifier.verifyThroughEndpoint(baseUri, wrongOne);
    assertThat(inJava.passed()).as("in the sandbox").isFalse();
    assertThat(inJava.describe()).contains(wrong.failureMentions);
    assertThat(throughEndpoint.passed()).as("through the endpoint").isFalse();
    assertThat(throughEndpoint.describe()).contains(wrong.failureMentions);
  }

  private static Interaction single(ObjectNode pact, ObjectNode interaction, String name) throws IOException {
    ObjectNode single = pact.deepCopy();
    single.putArray("interactions").add(interaction);
    Path dir = Path.of(System.getProperty("teeth.dir", "target/teeth"));
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), single);
    List<Interaction> interactions = MockVerifier.load(file).getInteractions();
    assertThat(interactions).hasSize(1);
    return interactions.get(0);
  }

  private static ObjectNode interaction(JsonNode pact, String description) {
    for (JsonNode i : pact.path("interactions")) {
      if (description.equals(i.path("description").asText())) {
        return (ObjectNode) i;
      }
    }
    throw new IllegalStateException("no message '" + description + "' in the pact");
  }

  private static ObjectNode content(ObjectNode interaction) {
    return (ObjectNode) interaction.at("/contents/content");
  }
}
