package io.github.deepcleermock.mock.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated identity's names, and the errors a bad key store gives. */
class ServerIdentityTest {

  @Test
  void aWildcardBindAddressIsNotPutIntoTheCertificate() throws Exception {
    assertThat(names(ServerIdentity.generate("0.0.0.0"))).containsExactlyInAnyOrder(
        "localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
    assertThat(names(ServerIdentity.generate("[::1]"))).contains("0:0:0:0:0:0:0:1").hasSize(3);
    assertThat(names(ServerIdentity.generate("10.1.2.3"))).contains("10.1.2.3").hasSize(4);
  }

  @Test
  void twoStartsHaveDifferentCasWithDifferentNames() {
    X509Certificate first = ServerIdentity.generate("127.0.0.1").issuer();
    X509Certificate second = ServerIdentity.generate("127.0.0.1").issuer();

    assertThat(first.getSubjectX500Principal()).isNotEqualTo(second.getSubjectX500Principal());
  }

  @Test
  void aFileThatIsNoKeyStoreIsRefusedByName(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("mock.p12"), "not a key store");

    assertThatThrownBy(() -> ServerIdentity.load(file, "changeit"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("keystore: ");
  }

  @Test
  void theSettingsRefuseAKeystoreWithoutPasswordAndHttpsOnlyWithoutPort() {
    assertThatThrownBy(() -> new TlsSettings(8443, false, Path.of("x.p12"), null, null))
        .hasMessageStartingWith("keystorePassword: ");
    assertThatThrownBy(() -> new TlsSettings(null, true, null, null, null)).hasMessageStartingWith("httpsOnly: ");
  }

  private static List<String> names(ServerIdentity identity) throws Exception {
    X509Certificate leaf = (X509Certificate) identity.keyStore().getCertificateChain("deepcleer-mock")[0];
    return leaf.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList();
  }
}
