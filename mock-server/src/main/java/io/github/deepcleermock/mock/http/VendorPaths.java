package io.github.deepcleermock.mock.http;

import java.util.List;

/** Which paths belong to the vendor's API: its endpoints, and anything that looks like a miss of one. */
final class VendorPaths {

  /** The vendor's endpoint paths served by this mock. */
  static final List<String> ENDPOINTS = List.of(VendorEndpoint.SUBMIT_PATH, VendorEndpoint.CLOSE_PATH);

  /** Prefixes of the vendor's API (the endpoints' first segments). */
  private static final List<String> PREFIXES = List.of("/finish_videostream", "/videostream");

  private VendorPaths() {}

  /** Whether {@code path} is, or looks like a miss of, a vendor endpoint (answered in the vendor's format). */
  static boolean isVendorLooking(String path) {
    if (path == null) {
      return false;
    }
    for (String prefix : PREFIXES) {
      if (path.startsWith(prefix)
          && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/'
              || path.charAt(prefix.length()) == '_')) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code path} is exactly an endpoint's path. */
  static boolean isEndpoint(String path) {
    return ENDPOINTS.contains(path);
  }

  /** The endpoints for a reason text. */
  static String describe() {
    return "POST " + String.join(", POST ", ENDPOINTS);
  }
}
