package io.github.deepcleermock.mock.http;

/** Access keys in logs: the first four characters, then {@code ***}. */
public final class LogMasks {

  private LogMasks() {}

  public static String accessKey(String accessKey) {
    if (accessKey == null) {
      return "-";
    }
    int end = accessKey.offsetByCodePoints(0, Math.min(4, accessKey.codePointCount(0, accessKey.length())));
    return accessKey.substring(0, end) + "***";
  }
}
