package io.github.deepcleermock.mock.tls;

import java.nio.file.Path;

/**
 * How the mock serves HTTPS and whom callbacks to https receivers trust.
 *
 * @param httpsPort port of the HTTPS listener (0 = a free one), or null for no HTTPS
 * @param httpsOnly serve HTTPS only (no plain HTTP listener); needs {@code httpsPort}
 * @param keystore a PKCS12 or JKS file with the server's key and certificate chain, or null to generate a
 *     certificate at start
 * @param keystorePassword the password of {@code keystore} (and of its key)
 * @param callbackTrust a PEM file of certificates that callbacks to https receivers trust besides the JDK's roots,
 *     or null
 */
public record TlsSettings(
    Integer httpsPort, boolean httpsOnly, Path keystore, String keystorePassword, Path callbackTrust) {

  /** No HTTPS; callbacks trust the JDK's roots only. */
  public static final TlsSettings NONE = new TlsSettings(null, false, null, null, null);

  public TlsSettings {
    if (httpsPort != null && (httpsPort < 0 || httpsPort > 65535)) {
      throw new IllegalArgumentException("httpsPort: must be 0..65535, was " + httpsPort);
    }
    if (httpsOnly && httpsPort == null) {
      throw new IllegalArgumentException("httpsOnly: needs an httpsPort (--https-port)");
    }
    if (keystore != null && httpsPort == null) {
      throw new IllegalArgumentException("keystore: is only used with an httpsPort (--https-port)");
    }
    if (keystore != null && keystorePassword == null) {
      throw new IllegalArgumentException("keystorePassword: is required with a keystore");
    }
    if (keystore == null && keystorePassword != null) {
      throw new IllegalArgumentException("keystorePassword: is only used with a keystore");
    }
  }

  /** Whether an HTTPS listener is configured. */
  public boolean https() {
    return httpsPort != null;
  }

  /** HTTPS on {@code port} (0 = free) with a certificate generated at start, beside plain HTTP. */
  public TlsSettings withHttpsPort(int port) {
    return new TlsSettings(port, httpsOnly, keystore, keystorePassword, callbackTrust);
  }

  public TlsSettings withHttpsOnly(boolean only) {
    return new TlsSettings(httpsPort, only, keystore, keystorePassword, callbackTrust);
  }

  public TlsSettings withKeystore(Path file, String password) {
    return new TlsSettings(httpsPort, httpsOnly, file, password, callbackTrust);
  }

  public TlsSettings withCallbackTrust(Path file) {
    return new TlsSettings(httpsPort, httpsOnly, keystore, keystorePassword, file);
  }
}
