package io.github.deepcleermock.mock.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** PEM text of X.509 certificates, both ways, with the JDK alone. */
public final class Pem {

  private Pem() {}

  /** One certificate as a PEM block ending in a newline. */
  public static String encode(X509Certificate certificate) {
    try {
      String base64 =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(certificate.getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("certificate cannot be encoded", e);
    }
  }

  /** An I/O failure in words, for a one-line error (no exception class names). */
  static String problem(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException || e instanceof java.io.FileNotFoundException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return "unreadable";
  }

  /**
   * Every certificate in a PEM file.
   *
   * @throws IllegalArgumentException naming {@code what} when the file cannot be read or holds no certificate
   */
  public static List<X509Certificate> read(Path file, String what) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(what + ": cannot read " + file + " (" + problem(e) + ")");
    }
    List<X509Certificate> certificates = new ArrayList<>();
    try {
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))) {
        certificates.add((X509Certificate) certificate);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(what + ": " + file + " is not a PEM file of certificates");
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(what + ": " + file + " holds no certificate");
    }
    return certificates;
  }
}
