package io.github.deepcleermock.mock.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The SSL context callbacks to https receivers use: the JDK's default roots plus the certificates of a PEM file. */
public final class CallbackTrust {

  private CallbackTrust() {}

  /**
   * The JDK's default trust alone when {@code extra} is null, else the JDK's roots and every certificate in it.
   *
   * @throws IllegalArgumentException naming {@code callbackTrust} when the file is unusable
   */
  public static SSLContext of(Path extra) {
    if (extra == null) {
      return null;
    }
    List<X509Certificate> trusted = new ArrayList<>(jdkRoots());
    trusted.addAll(Pem.read(extra, "callbackTrust"));
    return ServerIdentity.trusting(trusted);
  }

  private static List<X509Certificate> jdkRoots() {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return Arrays.asList(x509.getAcceptedIssuers());
        }
      }
      return List.of();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the JDK's default trust", e);
    }
  }
}
