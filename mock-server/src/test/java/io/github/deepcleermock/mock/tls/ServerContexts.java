package io.github.deepcleermock.mock.tls;

import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Server-side SSL contexts for test servers (an https callback receiver), made from a {@link ServerIdentity}. */
public final class ServerContexts {

  private ServerContexts() {}

  /** An SSL context presenting the key and chain of {@code identity}. */
  public static SSLContext presenting(ServerIdentity identity) {
    try {
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(identity.keyStore(), identity.password());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
