package io.github.deepcleermock.mock.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON objects kept as UTF-8 bytes: a Jackson tree of a submit body costs about six times its text on the heap, and
 * a mock holding hundreds of thousands of open streams spent its time collecting those trees.
 */
final class JsonBytes {

  /** Configured once here and never changed, so it is safe to share between threads. */
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonBytes() {}

  static byte[] of(ObjectNode object) {
    try {
      return MAPPER.writeValueAsBytes(object);
    } catch (IOException e) {
      throw new UncheckedIOException("a JSON tree could not be written", e);
    }
  }

  /** A fresh tree each call: callers may change it without touching the stream. */
  static ObjectNode parse(byte[] json) {
    try {
      return (ObjectNode) MAPPER.readTree(json);
    } catch (IOException e) {
      // Only bytes written by of() reach here.
      throw new UncheckedIOException("stored JSON could not be read back", e);
    }
  }
}
