package io.github.deepcleermock.mock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads fields of an admin request body strictly: a wrong type is a 400 naming the field, never a silent
 * coercion.
 */
final class AdminJson {

  /** Every string of an admin body is at most this long (URLs included; ids and keys are far shorter). */
  static final int MAX_TEXT_LENGTH = 1024;
  /** Every array of an admin body has at most this many items. */
  static final int MAX_ITEMS = 100;

  private final ObjectNode body;
  /** Prepended to field names in messages, e.g. {@code "match."}, so a nested field is named in full. */
  private final String prefix;

  private AdminJson(ObjectNode body, String prefix) {
    this.body = body;
    this.prefix = prefix;
  }

  static AdminJson of(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return new AdminJson(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), "");
    }
    if (!node.isObject()) {
      throw new BadRequestException("body: must be a JSON object");
    }
    return new AdminJson((ObjectNode) node, "");
  }

  boolean has(String field) {
    JsonNode value = body.get(field);
    return value != null && !value.isNull();
  }

  String text(String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new BadRequestException(prefix + field + ": must be a string");
    }
    return capped(prefix + field, value.textValue());
  }

  private static String capped(String field, String text) {
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new BadRequestException(field + ": must be at most " + MAX_TEXT_LENGTH + " characters");
    }
    return text;
  }

  String requiredText(String field) {
    String value = text(field);
    if (value == null) {
      throw new BadRequestException(prefix + field + ": is required");
    }
    return value;
  }

  Integer integer(String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new BadRequestException(prefix + field + ": must be an integer");
    }
    return value.intValue();
  }

  Long longValue(String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new BadRequestException(prefix + field + ": must be an integer");
    }
    return value.longValue();
  }

  Double number(String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw new BadRequestException(prefix + field + ": must be a number");
    }
    return value.doubleValue();
  }

  Boolean bool(String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw new BadRequestException(prefix + field + ": must be true or false");
    }
    return value.booleanValue();
  }

  List<String> texts(String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw new BadRequestException(prefix + field + ": must be an array of strings");
    }
    if (value.size() > MAX_ITEMS) {
      throw new BadRequestException(prefix + field + ": must have at most " + MAX_ITEMS + " items");
    }
    List<String> result = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw new BadRequestException(prefix + field + ": must be an array of strings");
      }
      result.add(capped(prefix + field, item.textValue()));
    }
    return result;
  }

  ObjectNode object(String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw new BadRequestException(prefix + field + ": must be a JSON object");
    }
    return (ObjectNode) value;
  }

  AdminJson nested(String field) {
    ObjectNode value = object(field);
    return value == null ? null : new AdminJson(value, prefix + field + ".");
  }

  /** Rejects fields the endpoint does not know, so a typo is a 400 rather than silently ignored. */
  void allowOnly(String... fields) {
    List<String> allowed = List.of(fields);
    body.fields()
        .forEachRemaining(
            field -> {
              String name = field.getKey();
              if (!allowed.contains(name)) {
                throw new BadRequestException(
                    prefix + name + ": unknown field; allowed: " + String.join(", ", allowed));
              }
              if (field.getValue().isNull()) {
                throw new BadRequestException(prefix + name + ": must not be null (omit it instead)");
              }
            });
  }
}
