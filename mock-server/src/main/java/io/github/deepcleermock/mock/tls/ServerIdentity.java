package io.github.deepcleermock.mock.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import okhttp3.tls.HeldCertificate;

/**
 * What the HTTPS listener presents: a key with its certificate chain in a {@link KeyStore}, and the certificate at
 * the top of that chain (the issuer), which clients trust to reach the mock.
 *
 * <p>Generated at start: a CA certificate and a server certificate signed by it, for localhost, 127.0.0.1, ::1 and
 * the bound host. Two certificates rather than one self-signed: clients then trust a CA, as they would with a real
 * service, and a client that pins the server certificate itself is not tested by accident. Certificate validity is
 * wall-clock time (clients check it against theirs), never the mock's injectable clock.
 */
public final class ServerIdentity {

  private static final String ALIAS = "deepcleer-mock";

  private final KeyStore keyStore;
  private final char[] password;
  private final X509Certificate issuer;

  private ServerIdentity(KeyStore keyStore, char[] password, X509Certificate issuer) {
    this.keyStore = keyStore;
    this.password = password;
    this.issuer = issuer;
  }

  /** The identity {@code settings} ask for: the key store file, or certificates generated for {@code host}. */
  public static ServerIdentity of(TlsSettings settings, String host) {
    if (settings.keystore() != null) {
      return load(settings.keystore(), settings.keystorePassword());
    }
    return generate(host);
  }

  /** A new CA and a server certificate it signed, for localhost, 127.0.0.1, ::1 and {@code host}. */
  public static ServerIdentity generate(String host) {
    SecureRandom random = new SecureRandom();
    HeldCertificate ca =
        new HeldCertificate.Builder()
            .certificateAuthority(0)
            // A name of its own per start: a trust store holding the CAs of two runs must never mix them up.
            .commonName(String.format("DeepCleer mock CA %08x (generated at start)", random.nextInt()))
            .organizationalUnit("deepcleer-videostream-mock")
            .serialNumber(Math.abs(random.nextLong() >>> 1) + 1)
            .duration(3650, TimeUnit.DAYS)
            .build();
    HeldCertificate.Builder server =
        new HeldCertificate.Builder()
            .signedBy(ca)
            .commonName("localhost")
            .organizationalUnit("deepcleer-videostream-mock")
            .serialNumber(Math.abs(random.nextLong() >>> 1) + 1)
            // 397 days: the longest validity browsers accept for a server certificate.
            .duration(397, TimeUnit.DAYS);
    for (String name : subjectNames(host)) {
      server.addSubjectAlternativeName(name);
    }
    HeldCertificate leaf = server.build();
    char[] password = randomPassword(random);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          ALIAS, leaf.keyPair().getPrivate(), password, new Certificate[] {leaf.certificate(), ca.certificate()});
      return new ServerIdentity(store, password, ca.certificate());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot hold the generated certificate in a key store", e);
    }
  }

  /**
   * The first key entry of a PKCS12 or JKS file; the issuer is the last certificate of its chain (the leaf itself
   * when the chain has one certificate).
   *
   * @throws IllegalArgumentException naming the flag when the file cannot be used
   */
  public static ServerIdentity load(Path file, String password) {
    char[] secret = password.toCharArray();
    if (!java.nio.file.Files.isRegularFile(file)) {
      // KeyStore.getInstance(File) reports a missing file as a format it does not know.
      throw new IllegalArgumentException("keystore: cannot read " + file + " (no such file)");
    }
    KeyStore store;
    try {
      store = KeyStore.getInstance(file.toFile(), secret);
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new IllegalArgumentException("keystorePassword: wrong password for " + file);
      }
      throw new IllegalArgumentException("keystore: cannot read " + file + " (" + Pem.problem(e) + ")");
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("keystore: " + file + " is not a PKCS12 or JKS key store");
    }
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (!store.isKeyEntry(alias)) {
          continue;
        }
        Certificate[] chain = store.getCertificateChain(alias);
        if (chain == null || chain.length == 0 || !(chain[chain.length - 1] instanceof X509Certificate top)) {
          continue;
        }
        store.getKey(alias, secret); // fails now, with a clear message, rather than in the first handshake
        return new ServerIdentity(store, secret, top);
      }
    } catch (UnrecoverableKeyException e) {
      throw new IllegalArgumentException("keystorePassword: the key in " + file + " needs another password");
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("keystore: cannot read the key in " + file);
    }
    throw new IllegalArgumentException("keystore: " + file + " holds no key with an X.509 certificate chain");
  }

  /** The key store with the server's key and chain; its key has {@link #password()}. */
  public KeyStore keyStore() {
    return keyStore;
  }

  /** The password of the key in {@link #keyStore()}. */
  public char[] password() {
    return password.clone();
  }

  /** The certificate clients trust: the generated CA, or the top of the key store's chain. */
  public X509Certificate issuer() {
    return issuer;
  }

  /** {@link #issuer()} in PEM, as {@code GET /__admin/tls/ca.pem} serves it. */
  public String issuerPem() {
    return Pem.encode(issuer);
  }

  /** A client SSL context that trusts exactly {@link #issuer()}. */
  public SSLContext clientSslContext() {
    return trusting(List.of(issuer));
  }

  /** An SSL context whose trust is exactly {@code certificates}. */
  static SSLContext trusting(List<X509Certificate> certificates) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      int i = 0;
      for (X509Certificate certificate : certificates) {
        trust.setCertificateEntry("trusted-" + i++, certificate);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build an SSL context", e);
    }
  }

  private static Set<String> subjectNames(String host) {
    Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
    if (host != null && !isWildcard(host)) {
      names.add(host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host);
    }
    return names;
  }

  private static boolean isWildcard(String host) {
    if (host.isBlank()) {
      return true;
    }
    if (!host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
      return false; // a host name: no lookup, it goes into the certificate as it is
    }
    try {
      return InetAddress.getByName(host).isAnyLocalAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static char[] randomPassword(SecureRandom random) {
    char[] password = new char[24];
    for (int i = 0; i < password.length; i++) {
      password[i] = (char) ('a' + random.nextInt(26));
    }
    return password;
  }
}
