package io.github.deepcleermock.mock.close;

import io.github.deepcleermock.mock.pipeline.Outcome;
import io.github.deepcleermock.mock.pipeline.Step;

/**
 * Validate: both fields non-empty and within their maximum length, counted in code points (20 × "😀" is a valid
 * accessKey). Whitespace-only values are valid and never trimmed: the spec allows them and the vendor documents no
 * trimming, so the mock does not invent a rule.
 */
final class ValidateFields implements Step<CloseCall> {

  @Override
  public Outcome apply(CloseCall call) {
    String problem = problem(CloseFields.ACCESS_KEY, call.accessKey(), CloseFields.ACCESS_KEY_MAX_LENGTH);
    if (problem == null) {
      problem = problem(CloseFields.REQUEST_ID, call.requestId(), CloseFields.REQUEST_ID_MAX_LENGTH);
    }
    return problem == null ? null : call.invalid(problem);
  }

  private static String problem(String field, String value, int maxLength) {
    if (value.isEmpty()) {
      return field + " is empty";
    }
    // Code points, not UTF-16 units: the vendor counts characters.
    if (value.length() > maxLength) {
      int length = value.codePointCount(0, value.length());
      if (length > maxLength) {
        return field + " is " + length + " characters long, at most " + maxLength + " are allowed";
      }
    }
    return null;
  }
}
