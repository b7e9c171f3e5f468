package io.github.deepcleermock.mock.submit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The field rules of the submit body as small checks that return a problem ("data.url is missing") or null.
 * Problems name the field and the rule and never quote the value. Every submit runs a few dozen of these, so a
 * field's name is only put together for the problem it reports.
 */
final class FieldRules {

  private FieldRules() {}

  /** A string field: its type, then presence, emptiness and length in code points. */
  static String string(JsonNode parent, String path, String field, int min, int max, boolean required) {
    JsonNode value = parent.get(field);
    if (value == null) {
      return required ? path + field + " is missing" : null;
    }
    if (!value.isTextual()) {
      return wrongType(path + field, value, "a string");
    }
    String text = value.textValue();
    if (text.isEmpty() && min > 0) {
      return path + field + " is empty";
    }
    if (text.length() > max) {
      int length = text.codePointCount(0, text.length());
      if (length > max) {
        return path + field + " is " + length + " characters long, at most " + max + " are allowed";
      }
    }
    return null;
  }

  /** An optional string that must be one of {@code allowed}. */
  static String oneOf(JsonNode parent, String path, String field, List<String> allowed, boolean required) {
    JsonNode value = parent.get(field);
    if (value == null) {
      return required ? path + field + " is missing" : null;
    }
    if (!value.isTextual()) {
      return wrongType(path + field, value, "a string");
    }
    return allowed.contains(value.textValue()) ? null : path + field + " is not one of " + String.join(", ", allowed);
  }

  /** A string matching {@code pattern} (checked after its length). */
  static String matches(JsonNode parent, String path, String field, Pattern pattern, String rule) {
    JsonNode value = parent.get(field);
    if (value == null || !value.isTextual() || pattern.matcher(value.textValue()).matches()) {
      return null;
    }
    return path + field + " " + rule;
  }

  /** Every {@code _}-joined token of a type field is a known one. */
  static String tokens(JsonNode parent, String field, List<String> known, String what) {
    JsonNode value = parent.get(field);
    if (value == null || !value.isTextual()) {
      return null;
    }
    String text = value.textValue();
    if (text.isEmpty()) {
      return field + " is empty";
    }
    for (int start = 0; start <= text.length(); ) {
      int end = text.indexOf('_', start);
      if (end < 0) {
        end = text.length();
      }
      if (!known.contains(text.substring(start, end))) {
        return field + " has a token that is not a known " + what + " (known: " + String.join(", ", known) + ")";
      }
      start = end + 1;
    }
    return null;
  }

  /** An integer within [min, max]. */
  static String integer(JsonNode parent, String path, String field, long min, long max, boolean required) {
    JsonNode value = parent.get(field);
    if (value == null) {
      return required ? path + field + " is missing" : null;
    }
    if (!value.isIntegralNumber()) {
      return wrongType(path + field, value, "an integer");
    }
    if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
      return path + field + " must be " + range(min, max);
    }
    return null;
  }

  static String bool(JsonNode parent, String path, String field) {
    JsonNode value = parent.get(field);
    if (value == null || value.isBoolean()) {
      return null;
    }
    return wrongType(path + field, value, "a boolean");
  }

  static String wrongType(String name, JsonNode value, String wanted) {
    if (value.isNull()) {
      return name + " is null";
    }
    return name + " must be " + wanted + ", got " + describe(value);
  }

  private static String range(long min, long max) {
    if (max == Integer.MAX_VALUE || max == Long.MAX_VALUE) {
      return "at least " + min;
    }
    return min == max - 1 && min == 0 ? "0 or 1" : min + ".." + max;
  }

  private static String describe(JsonNode value) {
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "an array";
    }
    if (value.isTextual()) {
      return "a string";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    if (value.isIntegralNumber()) {
      return "an integer";
    }
    return value.isNumber() ? "a number" : "a value";
  }

  /** The first non-null problem. */
  static String first(String... problems) {
    for (String problem : problems) {
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }
}
