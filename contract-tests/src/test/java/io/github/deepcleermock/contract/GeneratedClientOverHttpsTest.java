package io.github.deepcleermock.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.deepcleermock.client.DeepCleerClients;
import io.github.deepcleermock.client.ResultCode;
import io.github.deepcleermock.client.api.VideostreamApi;
import io.github.deepcleermock.client.invoker.ApiException;
import io.github.deepcleermock.client.model.FinishVideoStreamRequest;
import io.github.deepcleermock.client.model.FinishVideoStreamResponse;
import io.github.deepcleermock.mock.DeepCleerMock;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** The generated client against the mock over HTTPS, with real TLS handshakes. */
class GeneratedClientOverHttpsTest {

  private static final FinishVideoStreamRequest CLOSE =
      new FinishVideoStreamRequest().accessKey("YOUR_ACCESS_KEY").requestId("1639824316368");

  @Test
  void theGeneratedClientClosesAStreamOverHttpsTrustingTheMocksSslContext() throws Exception {
    try (DeepCleerMock mock = DeepCleerMock.builder().https().httpsOnly(true).start()) {
      VideostreamApi api = DeepCleerClients.create(mock.httpsBaseUri(), mock.sslContext());

      FinishVideoStreamResponse response = api.finishVideoStream(CLOSE);

      assertThat(ResultCode.of(response.getCode()).value()).isEqualTo(ResultCode.SUCCESS);
      assertThat(mock.journal().all()).singleElement()
          .satisfies(entry -> assertThat(entry.requestId()).isEqualTo("1639824316368"));
    }
  }

  @Test
  void aTrustStoreBuiltFromTheServedCaPemIsEnough() throws Exception {
    try (DeepCleerMock mock = DeepCleerMock.builder().https().start()) {
      String pem =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/tls/ca.pem")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();

      FinishVideoStreamResponse response =
          DeepCleerClients.create(mock.httpsBaseUri(), trusting(pem)).finishVideoStream(CLOSE);

      assertThat(response.getCode()).isEqualTo(1100);
    }
  }

  @Test
  void aClientWithTheWrongTrustStoreIsRefusedInTheHandshake() {
    try (DeepCleerMock mock = DeepCleerMock.builder().https().start();
        DeepCleerMock stranger = DeepCleerMock.builder().https().start()) {
      VideostreamApi trustsAnotherCa = DeepCleerClients.create(mock.httpsBaseUri(), stranger.sslContext());
      VideostreamApi trustsTheJdkRoots = DeepCleerClients.create(mock.httpsBaseUri());

      for (VideostreamApi api : new VideostreamApi[] {trustsAnotherCa, trustsTheJdkRoots}) {
        assertThatThrownBy(() -> api.finishVideoStream(CLOSE))
            .isInstanceOf(ApiException.class)
            .hasCauseInstanceOf(SSLHandshakeException.class)
            .satisfies(e -> assertThat(((ApiException) e).getCode()).isZero());
      }
      assertThat(mock.journal().all()).isEmpty();
    }
  }

  private static SSLContext trusting(String pem) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    int i = 0;
    for (Certificate certificate : CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
      trust.setCertificateEntry("ca-" + i++, certificate);
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
