package io.github.deepcleermock.mock.submit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.pipeline.Outcome;
import io.github.deepcleermock.mock.pipeline.ParseJson;
import java.io.IOException;

/**
 * Submit's part of parsing: the object becomes a tree (the body has nested blocks and is stored with the stream);
 * validation then reads node types, so {@code 123} is never coerced to a string.
 */
final class ReadSubmitBody implements ParseJson.Reader<SubmitCall> {

  /** Only builds trees from a parser made by {@link ParseJson#JSON}; immutable once built. */
  private static final ObjectMapper TREES = new ObjectMapper();

  @Override
  public Outcome read(JsonParser parser, SubmitCall call) throws IOException {
    JsonNode tree = TREES.readTree(parser);
    call.body = (ObjectNode) tree;
    return null;
  }
}
