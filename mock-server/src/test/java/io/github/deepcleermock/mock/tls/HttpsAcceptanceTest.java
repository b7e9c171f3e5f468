package io.github.deepcleermock.mock.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.admin.AdminClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with real TLS handshakes: the generated certificate, its CA at /__admin/tls/ca.pem, a key store file. */
class HttpsAcceptanceTest {

  private static final String CLOSE = "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"1639824316368\"}";

  @Test
  void aClientTrustingTheMocksSslContextClosesOverHttps() throws Exception {
    try (DeepCleerMock mock = DeepCleerMock.builder().https().start()) {
      HttpResponse<String> answer = close(client(mock.sslContext()), mock.httpsBaseUrl());

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("\"code\":1100");
      assertThat(mock.httpsBaseUrl()).startsWith("https://127.0.0.1:");
      assertThat(mock.journal().all()).hasSize(1);
    }
  }

  @Test
  void httpAndHttpsServeTheSameMockSideBySide() throws Exception {
    try (DeepCleerMock mock = DeepCleerMock.builder().https().start()) {
      close(HttpClient.newHttpClient(), mock.baseUrl());
      close(client(mock.sslContext()), mock.httpsBaseUrl());

      assertThat(mock.port()).isNotEqualTo(mock.httpsPort());
      assertThat(mock.journal().all()).hasSize(2);
    }
  }

  @Test
  void aClientThatTrustsOnlyTheJdkRootsIsRefusedInTheHandshake() {
    try (DeepCleerMock mock = DeepCleerMock.builder().https().start()) {
      assertThatThrownBy(() -> close(HttpClient.newHttpClient(), mock.httpsBaseUrl()))
          .isInstanceOf(SSLHandshakeException.class);
      assertThat(mock.journal().all()).isEmpty();
    }
  }

  @Test
  void aClientTrustingAnotherCaIsRefusedInTheHandshake() {
    try (DeepCleerMock mock = DeepCleerMock.builder().https().start();
        DeepCleerMock other = DeepCleerMock.builder().https().start()) {
      assertThatThrownBy(() -> close(client(other.sslContext()), mock.httpsBaseUrl()))
          .isInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void theCaServedAtTlsCaPemIsWhatAClientNeedsToTrustTheMock() throws Exception {
    try (DeepCleerMock mock = DeepCleerMock.builder().https().adminToken("s3cret").start()) {
      // Served without the admin token: a certificate is public, and a client needs it before anything else.
      AdminClient.Reply pem = AdminClient.of(mock.baseUrl(), null).get("/__admin/tls/ca.pem");
      assertThat(pem.status()).isEqualTo(200);
      assertThat(pem.headers().firstValue("Content-Type")).hasValue("application/x-pem-file");
      assertThat(pem.body()).startsWith("-----BEGIN CERTIFICATE-----\n").isEqualTo(mock.caCertificatePem());

      HttpResponse<String> answer = close(client(trusting(pem.body())), mock.httpsBaseUrl());

      assertThat(answer.body()).contains("\"code\":1100");
    }
  }

  @Test
  void theGeneratedCertificateNamesLocalhostAndLoopbackAndIsSignedByTheServedCa() throws Exception {
    try (DeepCleerMock mock = DeepCleerMock.builder().https().start()) {
      HttpResponse<String> byName =
          close(client(mock.sslContext()), "https://localhost:" + mock.httpsPort());
      assertThat(byName.statusCode()).isEqualTo(200);

      ServerIdentity identity = ServerIdentity.generate("mock.example.test");
      X509Certificate leaf = (X509Certificate) identity.keyStore().getCertificateChain("deepcleer-mock")[0];
      List<String> names = leaf.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList();
      assertThat(names).contains("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1", "mock.example.test");
      leaf.verify(identity.issuer().getPublicKey());
      assertThat(identity.issuer().getBasicConstraints()).isGreaterThanOrEqualTo(0); // a CA
    }
  }

  @Test
  void httpsOnlyOpensNoPlainHttpListener() throws Exception {
    try (DeepCleerMock mock = DeepCleerMock.builder().https().httpsOnly(true).start()) {
      assertThatThrownBy(mock::baseUrl)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("httpsBaseUrl()");
      assertThat(close(client(mock.sslContext()), mock.httpsBaseUrl()).body()).contains("\"code\":1100");
      // Plain HTTP sent to the TLS port is not served as a close.
      assertThatThrownBy(
              () -> close(HttpClient.newHttpClient(), "http://127.0.0.1:" + mock.httpsPort()))
          .isInstanceOf(IOException.class);
      assertThat(mock.journal().all()).hasSize(1);
    }
  }

  @Test
  void aKeyStoreFilePresentsItsOwnChainAndServesItsTopAsTheCa(@TempDir Path dir) throws Exception {
    HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("team CA").build();
    HeldCertificate server =
        new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("127.0.0.1").build();
    Path file = dir.resolve("mock.p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "server", server.keyPair().getPrivate(), "changeit".toCharArray(),
        new Certificate[] {server.certificate(), ca.certificate()});
    try (var out = Files.newOutputStream(file)) {
      store.store(out, "changeit".toCharArray());
    }

    try (DeepCleerMock mock = DeepCleerMock.builder().https().keystore(file, "changeit").start()) {
      assertThat(mock.caCertificatePem()).isEqualTo(Pem.encode(ca.certificate()));
      assertThat(close(client(trusting(ca.certificatePem())), mock.httpsBaseUrl()).body()).contains("1100");
    }
    assertThatThrownBy(() -> DeepCleerMock.builder().https().keystore(file, "wrong").start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("keystorePassword: wrong password");
  }

  @Test
  void caPemAnswers404WhenHttpsIsOff() {
    try (DeepCleerMock mock = DeepCleerMock.builder().start()) {
      AdminClient.Reply reply = AdminClient.of(mock).get("/__admin/tls/ca.pem");
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.json().path("error").asText()).startsWith("tls: HTTPS is off");
      assertThatThrownBy(mock::sslContext).isInstanceOf(IllegalStateException.class).hasMessageContaining(".https()");
    }
  }

  static HttpClient client(SSLContext tls) {
    return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
  }

  static SSLContext trusting(String pem) throws Exception {
    List<X509Certificate> certificates =
        CertificateFactory.getInstance("X.509")
            .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
            .stream()
            .map(X509Certificate.class::cast)
            .toList();
    return ServerIdentity.trusting(certificates);
  }

  static HttpResponse<String> close(HttpClient client, String baseUrl) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(baseUrl + "/finish_videostream/v4"))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(CLOSE))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
