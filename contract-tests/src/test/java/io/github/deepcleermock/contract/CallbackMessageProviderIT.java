package io.github.deepcleermock.contract;

import static io.github.deepcleermock.mock.pact.MessageStates.CLIENT_CLOSES_THE_STREAM;
import static io.github.deepcleermock.mock.pact.MessageStates.STREAM_PLAYS_A_SCRIPT;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.deepcleermock.mock.pact.CallbackMessage;
import io.github.deepcleermock.mock.pact.MessageSandbox;
import io.github.deepcleermock.mock.pact.ProducedMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Provider verification of the callback message pact with Pact JVM's {@link MessageTestTarget}: the {@code @State}
 * methods collect the stream and script, and each {@code @PactVerifyProvider} method returns the callback the real
 * simulation sent for them (a {@link MessageSandbox}: a mock on a {@code MockClock}, the clock advanced, the body
 * the dispatcher delivered), never a copy of the pact's example.
 */
@Provider(PactParticipants.CALLBACK_PROVIDER)
@PactFolder("target/pacts")
class CallbackMessageProviderIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MessageSandbox sandbox = new MessageSandbox();
  private final ArrayNode states = JSON.createArrayNode();

  @BeforeEach
  void target(PactVerificationContext context) {
    // Only this package: scanning the whole test classpath for @PactVerifyProvider costs seconds per message.
    context.setTarget(new MessageTestTarget(List.of(CallbackMessageProviderIT.class.getPackageName())));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void theSimulationSendsEveryCallbackOfTheMessagePact(PactVerificationContext context) {
    context.verifyInteraction();
  }

  @State(STREAM_PLAYS_A_SCRIPT)
  void streamPlaysAScript(Map<String, Object> params) {
    states.addObject().put("name", STREAM_PLAYS_A_SCRIPT).set("params", JSON.valueToTree(params));
  }

  @State(CLIENT_CLOSES_THE_STREAM)
  void clientClosesTheStream(Map<String, Object> params) {
    states.addObject().put("name", CLIENT_CLOSES_THE_STREAM).set("params", JSON.valueToTree(params));
  }

  @PactVerifyProvider("a rejected frame result")
  MessageAndMetadata aRejectedFrameResult() throws Exception {
    return produce(CallbackMessage.REJECTED_FRAME_RESULT);
  }

  @PactVerifyProvider("an audio result")
  MessageAndMetadata anAudioResult() throws Exception {
    return produce(CallbackMessage.AUDIO_RESULT);
  }

  @PactVerifyProvider("an end callback after a close")
  MessageAndMetadata anEndCallbackAfterAClose() throws Exception {
    return produce(CallbackMessage.END_AFTER_CLOSE);
  }

  @PactVerifyProvider("an end callback after a pull failure")
  MessageAndMetadata anEndCallbackAfterAPullFailure() throws Exception {
    return produce(CallbackMessage.END_AFTER_PULL_FAILURE);
  }

  @PactVerifyProvider("an audio end callback")
  MessageAndMetadata anAudioEndCallback() throws Exception {
    return produce(CallbackMessage.AUDIO_END);
  }

  private MessageAndMetadata produce(CallbackMessage message) throws Exception {
    ProducedMessage produced = sandbox.produce(message.description(), states);
    return new MessageAndMetadata(JSON.writeValueAsBytes(produced.body()), produced.metadata());
  }
}
