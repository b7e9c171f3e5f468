package io.github.deepcleermock.mock.states;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.admin.AdminClient;
import io.github.deepcleermock.mock.callbacks.CallbackReceiver;
import io.github.deepcleermock.mock.callbacks.CallbackSettings;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * A Pact verifier with {@code --state-change-teardown} tears the state down right after the interaction, while the
 * stream-end callback that interaction fired is still on its way: the teardown lets it arrive first.
 */
class TeardownDeliversCallbacksAcceptanceTest {

  private static final String STATES = "/__admin/provider-states";

  private CallbackReceiver receiver;
  private DeepCleerMock mock;
  private AdminClient admin;

  @BeforeEach
  void start() {
    receiver = CallbackReceiver.start();
    mock = DeepCleerMock.builder()
        .callbacks(CallbackSettings.DEFAULT.withResponseTimeout(Duration.ofSeconds(2)))
        .start();
    admin = AdminClient.of(mock);
  }

  @AfterEach
  void stop() {
    mock.close();
    receiver.close();
  }

  // Repeated: without the wait, the teardown right after the close cancels the callback before it goes out.
  @RepeatedTest(5)
  void theCallbackOfAnInteractionReachesItsReceiverBeforeTheTeardownAnswers() {
    assertThat(admin.post(STATES, "{\"state\":\"stream is active\",\"params\":{\"accessKey\":\"YOUR_ACCESS_KEY\","
        + "\"requestId\":\"r1\",\"imgCallback\":\"" + receiver.url("/img") + "\",\"returnFinishInfo\":1}}").status())
        .isEqualTo(200);
    assertThat(admin.closeCode("YOUR_ACCESS_KEY", "r1")).isEqualTo(1100);

    assertThat(admin.post(STATES, "{\"state\":\"stream is active\",\"action\":\"teardown\"}").status())
        .isEqualTo(200);

    assertThat(receiver.received()).singleElement()
        .satisfies(callback -> assertThat(callback.body().path("requestId").asText()).isEqualTo("r1"));
    assertThat(mock.callbacks().attempts()).as("the baseline has no attempts").isEmpty();
  }

  @Test
  void aReceiverThatHoldsItsAnswerDelaysTheTeardownByOneAttemptAtMost() {
    receiver.hang();
    admin.post(STATES, "{\"state\":\"stream is active\",\"params\":{\"accessKey\":\"YOUR_ACCESS_KEY\","
        + "\"requestId\":\"r1\",\"imgCallback\":\"" + receiver.url("/img") + "\",\"returnFinishInfo\":1}}");
    admin.closeCode("YOUR_ACCESS_KEY", "r1");

    assertThat(admin.post(STATES, "{\"state\":\"stream is active\",\"action\":\"teardown\"}").status())
        .isEqualTo(200);

    // The attempt timed out (2 s here), its retry was cancelled with the baseline: nothing left to run.
    assertThat(mock.callbacks().inFlight()).isZero();
    assertThat(mock.callbacks().attempts()).isEmpty();
    receiver.release();
  }
}
