package io.github.deepcleermock.mock.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/** What every admin route does with a request and its answer: JSON in, JSON out, errors in one shape. */
final class AdminExchange {

  private static final String JSON = io.github.deepcleermock.mock.http.MediaTypes.JSON;

  private final Supplier<ObjectMapper> mapper;

  AdminExchange(Supplier<ObjectMapper> mapper) {
    this.mapper = mapper;
  }

  ObjectMapper mapper() {
    return mapper.get();
  }

  /** The body as strict JSON fields; an empty body reads as {@code {}}; a key given twice is a 400. */
  AdminJson body(Context ctx) throws JsonProcessingException {
    return AdminJson.of(tree(ctx));
  }

  /** The body as a JSON tree, null when empty; a key given twice is a 400. */
  JsonNode tree(Context ctx) throws JsonProcessingException {
    String body = ctx.body();
    try {
      return body.isBlank() ? null : mapper.get().reader()
          .with(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(body);
    } catch (JsonProcessingException e) {
      if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
        throw new BadRequestException("body: has a duplicate field; each field may appear once");
      }
      throw e;
    }
  }

  /** A path parameter, at most {@link AdminJson#MAX_TEXT_LENGTH} characters (ids are far shorter). */
  static String pathParam(Context ctx, String name) {
    String value = ctx.pathParam(name);
    if (value.length() > AdminJson.MAX_TEXT_LENGTH) {
      throw new BadRequestException(name + ": must be at most " + AdminJson.MAX_TEXT_LENGTH + " characters");
    }
    return value;
  }

  void send(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType(JSON).result(mapper.get().writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write admin response", e);
    }
  }

  void error(Context ctx, int status, String message) {
    send(ctx, status, Map.of("error", message == null ? "request: failed" : message));
  }

  static Integer intQuery(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return null;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + ": must be an integer");
    }
  }

  static NoSuchElementException notFound(String field, String value) {
    return new NoSuchElementException(field + ": no such resource '" + value + "'");
  }
}
