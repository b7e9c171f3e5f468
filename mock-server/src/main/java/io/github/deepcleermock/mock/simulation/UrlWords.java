package io.github.deepcleermock.mock.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zero-setup scripts from words in a NORMAL stream's URL path, while magic values are on:
 * {@code mock-reject-at-<s>}, {@code mock-review-at-<s>}, {@code mock-end-at-<s>}, {@code mock-pull-fail-<code>}
 * (3001..3005), combinable: {@code rtmp://x/live/mock-reject-at-30/mock-end-at-60}.
 */
public final class UrlWords {

  private static final Pattern WORD =
      Pattern.compile("mock-(reject-at|review-at|end-at|pull-fail)-([^/?#]*)");

  private UrlWords() {}

  /**
   * The script the URL's words describe, or null when it has none.
   *
   * @throws IllegalArgumentException naming {@code data.url} when a word has a bad value
   */
  public static Script parse(String url) {
    if (url == null || !url.contains("mock-")) {
      return null;
    }
    List<Script.FrameRule> frames = new ArrayList<>();
    Long endAt = null;
    Script.PullFailure failure = null;
    boolean found = false;
    for (String part : url.split("[/?#&=]")) {
      Matcher word = WORD.matcher(part);
      if (!word.matches()) {
        continue;
      }
      found = true;
      String value = word.group(2);
      // Reasons name the word, never its value: they travel in X-Mock-Reason, which never echoes raw input.
      String name = "mock-" + word.group(1) + "-<" + (word.group(1).equals("pull-fail") ? "code" : "s") + ">";
      switch (word.group(1)) {
        case "reject-at" -> frames.add(new Script.FrameRule(seconds(name, value, 0), Verdict.of(
            RiskLevel.REJECT, null, null, null, null, null)));
        case "review-at" -> frames.add(new Script.FrameRule(seconds(name, value, 0), Verdict.of(
            RiskLevel.REVIEW, null, null, null, null, null)));
        case "end-at" -> endAt = seconds(name, value, 1);
        default -> {
          long code = number(value);
          if (code < 3001 || code > 3005) {
            throw new IllegalArgumentException(
                "data.url: " + name + ": the pull failure code must be 3001..3005");
          }
          failure = new Script.PullFailure((int) code, 0);
        }
      }
    }
    return found ? new Script(frames, List.of(), endAt, failure) : null;
  }

  private static long seconds(String word, String value, long min) {
    long seconds = number(value);
    if (seconds < min) {
      throw new IllegalArgumentException(
          "data.url: " + word + ": needs a whole number of seconds" + (min > 0 ? " of at least " + min : ""));
    }
    return seconds;
  }

  /** The digits as a number, or -1 when they are not 1..9 digits. */
  private static long number(String digits) {
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    return Long.parseLong(digits);
  }
}
