package io.github.deepcleermock.mock.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.callbacks.CallbackAttempt;
import io.github.deepcleermock.mock.callbacks.CallbackOutcome;
import io.github.deepcleermock.mock.callbacks.CallbackReceiver;
import io.github.deepcleermock.mock.callbacks.CallbackSettings;
import io.github.deepcleermock.mock.streams.StreamSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Callbacks to an https receiver, real handshakes: trusted through --callback-trust, refused without it. */
class HttpsCallbackAcceptanceTest {

  private static final CallbackSettings NO_RETRIES = CallbackSettings.DEFAULT.withRetries(0);

  /** A receiver whose certificate is signed by a CA of its own, as a team's staging receiver would be. */
  private final ServerIdentity receiverIdentity = ServerIdentity.generate("127.0.0.1");

  @Test
  void aReceiverSignedByACaInTheCallbackTrustFileGetsTheEndCallback(@TempDir Path dir) throws Exception {
    Path trust = Files.writeString(dir.resolve("receiver-ca.pem"), receiverIdentity.issuerPem());
    try (CallbackReceiver receiver = CallbackReceiver.startHttps(ServerContexts.presenting(receiverIdentity));
        DeepCleerMock mock = DeepCleerMock.builder().callbacks(NO_RETRIES).callbackTrust(trust).start()) {
      List<CallbackAttempt> attempts = closeWithCallbackTo(mock, receiver.url("/img"));

      assertThat(receiver.url("/img")).startsWith("https://");
      assertThat(attempts).extracting(CallbackAttempt::outcome).containsExactly(CallbackOutcome.DELIVERED);
      assertThat(receiver.received()).hasSize(1);
      assertThat(receiver.received().get(0).body().path("requestId").asText()).isEqualTo("s1");
    }
  }

  @Test
  void withoutTheTrustFileTheReceiversCertificateIsRefused() {
    try (CallbackReceiver receiver = CallbackReceiver.startHttps(ServerContexts.presenting(receiverIdentity));
        DeepCleerMock mock = DeepCleerMock.builder().callbacks(NO_RETRIES).start()) {
      List<CallbackAttempt> attempts = closeWithCallbackTo(mock, receiver.url("/img"));

      assertThat(attempts).singleElement().satisfies(attempt -> {
        assertThat(attempt.outcome()).isEqualTo(CallbackOutcome.GAVE_UP);
        assertThat(attempt.error()).contains("SSLHandshakeException");
      });
      assertThat(receiver.received()).isEmpty();
    }
  }

  @Test
  void aCallbackToTheMocksOwnAdminApiOverHttpsIsRefusedLikeOverHttp() {
    try (DeepCleerMock mock = DeepCleerMock.builder().https().start()) {
      String target = "https://127.0.0.1:" + mock.httpsPort() + "/__admin/reset";

      io.github.deepcleermock.mock.admin.AdminClient.Reply reply =
          io.github.deepcleermock.mock.admin.AdminClient.of(mock).sendBad("POST", "/__admin/streams",
              "{\"requestId\":\"r1\",\"accessKey\":\"YOUR_ACCESS_KEY\",\"imgCallback\":\"" + target
                  + "\",\"returnFinishInfo\":1}");

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.error()).startsWith("imgCallback: is this mock's own admin API");
    }
  }

  @Test
  void anUnreadableTrustFileStopsTheStartWithTheFlagsName(@TempDir Path dir) throws Exception {
    Path notPem = Files.writeString(dir.resolve("trust.pem"), "not a certificate");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DeepCleerMock.builder().callbackTrust(notPem).start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("callbackTrust: ");
  }

  /** No retries (NO_RETRIES): the first attempt's outcome is final, so the test waits for that attempt only. */
  private static List<CallbackAttempt> closeWithCallbackTo(DeepCleerMock mock, String url) {
    mock.streams().open(new StreamSpec("s1", "YOUR_ACCESS_KEY", List.of(), url, null, 1, null));
    mock.streams().end("s1", io.github.deepcleermock.mock.callbacks.EndOfStream.CLOSED_BY_CLIENT);
    mock.awaitCallbacksIdle(Duration.ofSeconds(10));
    return mock.callbacks().attempts();
  }
}
