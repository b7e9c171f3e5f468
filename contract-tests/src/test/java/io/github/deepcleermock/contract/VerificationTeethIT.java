package io.github.deepcleermock.contract;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.Interaction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.contract.MockVerifier.Outcome;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Proves provider verification can fail: each case copies one interaction of the real pact, breaks one expectation,
 * writes it under {@code target/teeth/} and shows that the same verifier that passes the original rejects the copy.
 */
class VerificationTeethIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACTIVE_STREAM = "a close of an active stream";

  @RegisterExtension
  static final DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance();

  private MockVerifier verifier;

  @BeforeEach
  void connect(DeepCleerMock mock) {
    verifier = new MockVerifier(mock.baseUri());
  }

  /** A wrong expectation: which interaction it starts from, how it breaks it, and what the failure must name. */
  enum WrongExpectation {
    MESSAGE_OK_INSTEAD_OF_SUCCESS(
        ACTIVE_STREAM, i -> responseBody(i).put("message", "OK"), "$.message"),
    CODE_1901_WHERE_THE_STATE_GIVES_1100(
        ACTIVE_STREAM, i -> responseBody(i).put("code", 1901).put("message", "QPS limit exceeded"),
        "to be equal to 1901"),
    SERVICE_FAILURE_WITHOUT_ITS_STATE(
        "a close while the service is failing",
        i -> removeState(i, ProviderStates.SERVICE_FAILING), "to be equal to 1903"),
    A_VALID_REQUEST_EXPECTING_1902(
        "a close whose requestId is 33 characters long",
        i -> ((ObjectNode) i.at("/request/body/content")).put("requestId", "0123456789abcdef0123456789abcdef"),
        "to be equal to 1902"),
    UPPERCASE_RESPONSE_ID(
        ACTIVE_STREAM,
        i -> {
          ObjectNode matcher = (ObjectNode) i.at("/response/matchingRules/body/$.requestId/matchers/0");
          matcher.put("regex", "^[0-9A-F]{32}$");
          responseBody(i).put("requestId", "A78EEF377079ACC6CDEC24967ECDE722");
        },
        "$.requestId"),
    MISSPELLED_PROVIDER_STATE(
        ACTIVE_STREAM, i -> renameState(i, ProviderStates.STREAM_ACTIVE, "stream is running"),
        "State Change Request Failed - 400");

    private final String description;
    private final Consumer<ObjectNode> breakIt;
    private final String failureMentions;

    WrongExpectation(String description, Consumer<ObjectNode> breakIt, String failureMentions) {
      this.description = description;
      this.breakIt = breakIt;
      this.failureMentions = failureMentions;
    }
  }

  @ParameterizedTest
  @EnumSource(WrongExpectation.class)
  void verificationFailsForAWrongExpectation(WrongExpectation wrong) throws IOException {
    ObjectNode pact = (ObjectNode) JSON.readTree(PactParticipants.pactFile().toFile());
    ObjectNode original = interaction(pact, wrong.description);

    // Control: the unbroken interaction passes in exactly the same harness, so the failure below is the break's.
    Outcome control = verifyOnly(pact, original, wrong.name().toLowerCase() + "-control");
    assertThat(control.passed()).as("control: %s", control.describe()).isTrue();

    ObjectNode broken = original.deepCopy();
    wrong.breakIt.accept(broken);
    Outcome outcome = verifyOnly(pact, broken, wrong.name().toLowerCase());
    assertThat(outcome.passed()).as("verification of a wrong expectation must fail").isFalse();
    assertThat(outcome.describe()).contains(wrong.failureMentions);
  }

  private Outcome verifyOnly(ObjectNode pact, ObjectNode interaction, String name) throws IOException {
    ObjectNode single = pact.deepCopy();
    single.putArray("interactions").add(interaction);
    Path dir = Path.of(System.getProperty("teeth.dir", "target/teeth"));
    Files.createDirectories(dir);
    File file = dir.resolve(name + ".json").toFile();
    JSON.writerWithDefaultPrettyPrinter().writeValue(file, single);
    List<Interaction> interactions = MockVerifier.load(file.toPath()).getInteractions();
    assertThat(interactions).hasSize(1);
    return verifier.verify(file, interactions.get(0));
  }

  private static ObjectNode interaction(JsonNode pact, String description) {
    for (JsonNode i : pact.path("interactions")) {
      if (description.equals(i.path("description").asText())) {
        return (ObjectNode) i;
      }
    }
    throw new IllegalStateException("no interaction '" + description + "' in the pact");
  }

  private static ObjectNode responseBody(ObjectNode interaction) {
    return (ObjectNode) interaction.at("/response/body/content");
  }

  private static void removeState(ObjectNode interaction, String name) {
    ArrayNode states = (ArrayNode) interaction.get("providerStates");
    for (int k = states.size() - 1; k >= 0; k--) {
      if (name.equals(states.get(k).path("name").asText())) {
        states.remove(k);
      }
    }
  }

  private static void renameState(ObjectNode interaction, String from, String to) {
    for (JsonNode state : interaction.path("providerStates")) {
      if (from.equals(state.path("name").asText())) {
        ((ObjectNode) state).put("name", to);
      }
    }
  }
}
