package io.github.deepcleermock.mock.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.streams.StreamSpec;

/**
 * Which streams a scenario applies to; an absent field matches anything, present ones must equal the stream's
 * {@code accessKey}, {@code data.url}, {@code data.room} and {@code data.tokenId} exactly.
 */
public record ScenarioMatch(String accessKey, String url, String room, String tokenId) {

  /** Matches every stream. */
  public static final ScenarioMatch ANY = new ScenarioMatch(null, null, null, null);

  /** Whether {@code stream} is one this match names. */
  public boolean matches(StreamSpec stream) {
    return matches(stream, stream.data());
  }

  /** Whether {@code stream}, whose {@code data} the caller has parsed (read only), is one this match names. */
  public boolean matches(StreamSpec stream, ObjectNode data) {
    if (accessKey != null && !accessKey.equals(stream.accessKey())) {
      return false;
    }
    if (url == null && room == null && tokenId == null) {
      return true;
    }
    return same(url, data.get("url")) && same(room, data.get("room")) && same(tokenId, data.get("tokenId"));
  }

  private static boolean same(String wanted, JsonNode actual) {
    return wanted == null || (actual != null && actual.isTextual() && wanted.equals(actual.textValue()));
  }
}
