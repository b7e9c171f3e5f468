package io.github.deepcleermock.mock.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What the standalone mock prints about where it listens: the address it really bound (it printed
 * {@code http://127.0.0.1} for {@code --host 0.0.0.0}), and a loud warning when other machines can reach an admin
 * API that has no token.
 */
final class BindingNotice {

  private BindingNotice() {}

  /** The one "listening on" line. */
  static String listening(String host, int port) {
    return listening(host, port, -1);
  }

  /** The one "listening on" line for a plain-HTTP port and an HTTPS port (-1: that listener is off). */
  static String listening(String host, int httpPort, int httpsPort) {
    String bound = urls(host.contains(":") ? "[" + host + "]" : host, httpPort, httpsPort);
    if (isWildcard(host)) {
      return "DeepCleer mock listening on " + bound + " (all interfaces; from this machine: "
          + urls("127.0.0.1", httpPort, httpsPort) + ")";
    }
    return "DeepCleer mock listening on " + bound;
  }

  private static String urls(String host, int httpPort, int httpsPort) {
    String http = httpPort < 0 ? null : "http://" + host + ":" + httpPort;
    String https = httpsPort < 0 ? null : "https://" + host + ":" + httpsPort;
    return http == null ? https : https == null ? http : http + " and " + https;
  }

  /** The warning for a bind beyond loopback without an admin token, or null. */
  static String warning(String host, int port, String adminToken) {
    if (adminToken != null || isLoopback(host)) {
      return null;
    }
    return "WARNING: the mock listens on " + host + ":" + port + ", which other machines can reach, and /__admin"
        + " has no token: anyone who reaches it can reset the mock, change accounts and faults, and make it send"
        + " callbacks. Start it with --admin-token <secret> (or bind 127.0.0.1).";
  }

  static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.equals("0:0:0:0:0:0:0:0");
  }

  /** Whether every address {@code host} names is a loopback address (an unresolvable name counts as not). */
  static boolean isLoopback(String host) {
    try {
      InetAddress[] addresses = InetAddress.getAllByName(host);
      for (InetAddress address : addresses) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return addresses.length > 0;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
