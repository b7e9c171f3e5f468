package io.github.deepcleermock.mock.http;

/**
 * Values from requests, made safe for logs: access keys masked, control characters escaped so that no value can
 * forge a log line.
 */
public final class LogMasks {

  /** Keys this short are masked whole: showing four characters of a four-character key would show all of it. */
  static final int SHORTEST_PARTLY_SHOWN = 5;

  private LogMasks() {}

  /** The first four characters of {@code accessKey}, then {@code ***}; keys of 4 characters or fewer: {@code ***}. */
  public static String accessKey(String accessKey) {
    if (accessKey == null) {
      return "-";
    }
    int length = accessKey.codePointCount(0, accessKey.length());
    if (length < SHORTEST_PARTLY_SHOWN) {
      return "***";
    }
    return value(accessKey.substring(0, accessKey.offsetByCodePoints(0, 4))) + "***";
  }

  /**
   * {@code value} with control characters (CR, LF, tab, ESC, U+0085, U+2028/2029 …) written as backslash-u escapes
   * and backslashes doubled, so a requestId with a newline stays on its log line; null as {@code -}.
   */
  public static String value(String value) {
    if (value == null) {
      return "-";
    }
    int i = 0;
    while (i < value.length() && !needsEscape(value.charAt(i))) {
      i++;
    }
    if (i == value.length()) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() + 16).append(value, 0, i);
    for (; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        out.append("\\\\");
      } else if (needsEscape(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || c == 0x7f || c == '\\' || (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029;
  }
}
