package io.github.deepcleermock.mock.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.admin.AdminClient;
import io.github.deepcleermock.mock.faults.FaultMatch;
import io.github.deepcleermock.mock.faults.FaultSpec;
import io.github.deepcleermock.mock.streams.StreamSpec;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Callbacks never drive the mock's own control plane and never reach link-local addresses (unless allowed): refused
 * with a 400 naming the field when a stream is seeded, and as a given-up attempt when one is about to be sent.
 */
class CallbackTargetAcceptanceTest {

  private static final Duration IDLE = Duration.ofSeconds(10);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http://127.0.0.1:%d/__admin/reset", "http://localhost:%d/__admin/reset",
      "http://127.0.0.2:%d/__admin/reset", "http://[::1]:%d/__admin/faults", "http://127.0.0.1:%d/./__admin/reset",
      "http://127.0.0.1:%d//__admin/reset", "http://127.0.0.1:%d/%%5F%%5Fadmin/reset",
      "http://127.0.0.1:%d/x/../__admin/reset", "http://127.0.0.1:%d/__ADMIN/reset"})
  void seedingAStreamWhoseCallbackIsThisMocksAdminApiAnswers400(String template) {
    try (DeepCleerMock mock = DeepCleerMock.builder().start()) {
      String target = String.format(template, mock.port());

      AdminClient.Reply reply = AdminClient.of(mock).sendBad("POST", "/__admin/streams", AdminClient.json(
          java.util.Map.of("requestId", "r1", "accessKey", "YOUR_ACCESS_KEY", "imgCallback", target,
              "returnFinishInfo", 1)));

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.error()).startsWith("imgCallback: is this mock's own admin API");
      assertThat(mock.streams().find("r1")).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/cb",
      "http://169.254.0.1:8080/cb"})
  void linkLocalCallbackIsRefusedUnlessAllowed(String target) {
    try (DeepCleerMock mock = DeepCleerMock.builder().start()) {
      AdminClient.Reply reply = AdminClient.of(mock).sendBad("POST", "/__admin/streams", AdminClient.json(
          java.util.Map.of("requestId", "r1", "accessKey", "YOUR_ACCESS_KEY", "imgCallback", target,
              "audioCallback", target, "returnFinishInfo", 1)));

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.error()).startsWith("imgCallback: is a link-local address")
          .contains("--allow-link-local-callbacks");
    }
    try (DeepCleerMock allowing = DeepCleerMock.builder()
        .callbacks(CallbackSettings.DEFAULT.withLinkLocalAllowed(true)).start()) {
      allowing.streams().open(new StreamSpec("r1", "YOUR_ACCESS_KEY", List.of(), target, null, 1, null));

      assertThat(allowing.streams().find("r1")).isPresent();
    }
  }

  @Test
  void aBaselineStreamCallingTheAdminApiIsRefusedAtSendAndTheMockKeepsItsState() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    // A baseline stream is checked when it is sent: at start-up the port could still have been 0.
    StreamSpec wiping = new StreamSpec("r1", "key-1", List.of(), "http://localhost:" + port + "/__admin/reset", null,
        1, null);
    try (DeepCleerMock mock = DeepCleerMock.builder().port(port).account(Account.of("key-1")).stream(wiping)
        .start()) {
      mock.faults().add(new FaultSpec(FaultMatch.byAccessKey("key-1").withRequestId("kept"), 1903, null, 0, null, 1.0, null));

      assertThat(AdminClient.of(mock).closeCode("key-1", "r1")).isEqualTo(1100);
      mock.awaitCallbacksIdle(IDLE);

      CallbackAttempt attempt = mock.callbacks().attempts().get(0);
      assertThat(attempt.outcome()).isEqualTo(CallbackOutcome.GAVE_UP);
      assertThat(attempt.error()).startsWith("refused: the target is this mock's own admin API");
      assertThat(attempt.nextAttemptAt()).isNull();
      assertThat(mock.faults().list()).as("no reset happened").hasSize(1);
      assertThat(mock.journal().all()).as("the journal was not wiped").hasSize(1);
    }
  }

  @Test
  void callbacksToTheMocksOtherPortsAndPathsStillGo() throws Exception {
    try (DeepCleerMock mock = DeepCleerMock.builder().start(); CallbackReceiver receiver = CallbackReceiver.start()) {
      mock.streams().open(new StreamSpec("r1", "YOUR_ACCESS_KEY", List.of(), receiver.url("/__admin/cb"), null, 1,
          null));

      AdminClient.of(mock).closeCode("YOUR_ACCESS_KEY", "r1");
      mock.awaitCallbacksIdle(IDLE);

      assertThat(receiver.received()).hasSize(1);
      assertThat(mock.callbacks().attempts().get(0).outcome()).isEqualTo(CallbackOutcome.DELIVERED);
    }
  }
}
