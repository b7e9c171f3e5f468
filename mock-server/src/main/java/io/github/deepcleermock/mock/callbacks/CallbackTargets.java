package io.github.deepcleermock.mock.callbacks;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which callback URLs the mock refuses to call: its own control plane, and link-local addresses (cloud metadata
 * services such as 169.254.169.254) unless allowed.
 *
 * <p>Why: without an admin token, a stream whose callback URL was {@code /__admin/reset} on the mock wiped the mock
 * when it was closed, and any caller able to seed a stream could make the mock fetch a metadata service. The
 * refusal happens twice: when a stream is seeded (a 400 naming the field, so the mistake shows at once), and when
 * an attempt is about to be sent, on the addresses the host resolves to then (names can change; baseline streams
 * are checked before the port is known). A refused attempt is not retried.
 */
public final class CallbackTargets {

  private static final String ADMIN_PREFIX = "/__admin";

  private final boolean allowLinkLocal;
  /** The mock's own ports (HTTP and/or HTTPS), set once the server is bound; empty before. */
  private volatile int[] selfPorts = new int[0];

  /** @param allowLinkLocal whether 169.254.0.0/16 and fe80::/10 targets are allowed */
  public CallbackTargets(boolean allowLinkLocal) {
    this.allowLinkLocal = allowLinkLocal;
  }

  /** Records the ports the mock is bound to (HTTP and HTTPS), so that its own admin API can be recognised. */
  public void bound(int... ports) {
    this.selfPorts = ports.clone();
  }

  /**
   * Why {@code url} must not be called back, or null when it may. Resolves the host (a name that does not resolve
   * is not refused here: the attempt will fail on its own).
   */
  public String refusal(String url) {
    URI target;
    try {
      target = URI.create(url);
    } catch (IllegalArgumentException e) {
      return null;
    }
    String host = target.getHost();
    if (host == null) {
      return null;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException | SecurityException e) {
      return null;
    }
    for (InetAddress address : addresses) {
      if (!allowLinkLocal && address.isLinkLocalAddress()) {
        return "is a link-local address (" + address.getHostAddress() + "); start the mock with"
            + " --allow-link-local-callbacks to call it";
      }
    }
    int self = portOf(target);
    if (java.util.Arrays.stream(selfPorts).anyMatch(port -> port > 0 && port == self) && isAdminPath(target)) {
      for (InetAddress address : addresses) {
        if (isThisMachine(address)) {
          return "is this mock's own admin API (" + ADMIN_PREFIX + " on port " + self + "); callbacks may not"
              + " drive the control plane";
        }
      }
    }
    return null;
  }

  /** Fails with {@code "<field>: <why>"} when {@code url} is refused (for seeding: the admin API answers 400). */
  public void check(String field, String url) {
    if (url == null) {
      return;
    }
    String why = refusal(url);
    if (why != null) {
      throw new IllegalArgumentException(field + ": " + why);
    }
  }

  private static int portOf(URI target) {
    if (target.getPort() >= 0) {
      return target.getPort();
    }
    return "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
  }

  /** The path as the server will route it: decoded, dot segments resolved, repeated slashes collapsed. */
  private static boolean isAdminPath(URI target) {
    String path = target.normalize().getPath();
    if (path == null) {
      return false;
    }
    path = path.replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
    return path.equals(ADMIN_PREFIX) || path.startsWith(ADMIN_PREFIX + "/") || path.startsWith(ADMIN_PREFIX + ";");
  }

  /** Loopback (any 127/8, ::1), the wildcard, or an address of one of this machine's interfaces. */
  private static boolean isThisMachine(InetAddress address) {
    if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
      return true;
    }
    try {
      return NetworkInterface.getByInetAddress(address) != null;
    } catch (SocketException e) {
      return false;
    }
  }
}
