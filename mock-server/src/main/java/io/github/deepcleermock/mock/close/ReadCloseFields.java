package io.github.deepcleermock.mock.close;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.deepcleermock.mock.pipeline.Outcome;
import io.github.deepcleermock.mock.pipeline.ParseJson;
import java.io.IOException;

/**
 * Close's part of parsing: {@code accessKey} and {@code requestId}, when present, must be JSON strings.
 *
 * <p>It reads tokens rather than binding to a class because binding would coerce {@code 123} to "123" and hide
 * a wrong type, and because skipping every other field unread keeps the hot path short.
 */
final class ReadCloseFields implements ParseJson.Reader<CloseCall> {

  @Override
  public Outcome read(JsonParser parser, CloseCall call) throws IOException {
    boolean sawAccessKey = false;
    boolean sawRequestId = false;
    String accessKey = null;
    String requestId = null;
    String problem = null;
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (CloseFields.ACCESS_KEY.equals(name)) {
        sawAccessKey = true;
        if (value == JsonToken.VALUE_STRING) {
          accessKey = parser.getText();
          if (problem == null) {
            problem = ParseJson.surrogateProblem(name, accessKey);
          }
        } else if (problem == null) {
          problem = ParseJson.typeProblem(name, value, "a string");
        }
      } else if (CloseFields.REQUEST_ID.equals(name)) {
        sawRequestId = true;
        if (value == JsonToken.VALUE_STRING) {
          requestId = parser.getText();
          if (problem == null) {
            problem = ParseJson.surrogateProblem(name, requestId);
          }
        } else if (problem == null) {
          problem = ParseJson.typeProblem(name, value, "a string");
        }
      }
      parser.skipChildren();
    }
    call.accessKey(accessKey);
    call.requestId(requestId);
    if (problem != null) {
      return call.invalid(problem);
    }
    if (!sawAccessKey) {
      return call.invalid("accessKey is missing");
    }
    if (!sawRequestId) {
      return call.invalid("requestId is missing");
    }
    return null;
  }
}
