package io.github.deepcleermock.mock.streams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a stream was submitted with: the fields the vendor's submit call carries that matter when it is closed.
 *
 * @param requestId the id the submit call returned (1..32 characters)
 * @param accessKey the account that owns the stream
 * @param dupRequestIds extra ids that address the same stream (as a duplicate submit's dupRequestId would)
 * @param imgCallback where the contentType 1 end callback goes; required when returnFinishInfo = 1
 * @param audioCallback where the contentType 2 end callback goes; set iff the stream moderates audio
 * @param returnFinishInfo 1 = send the stream-end callback, 0 = do not
 * @param data the submitted {@code data} object, echoed in the end callback
 */
public record StreamSpec(
    String requestId,
    String accessKey,
    List<String> dupRequestIds,
    String imgCallback,
    String audioCallback,
    int returnFinishInfo,
    ObjectNode data) {

  public StreamSpec {
    requireId("requestId", requestId);
    Objects.requireNonNull(accessKey, "accessKey: is required");
    dupRequestIds = dupRequestIds == null ? List.of() : List.copyOf(dupRequestIds);
    for (String alias : dupRequestIds) {
      requireId("dupRequestIds", alias);
      if (alias.equals(requestId)) {
        throw new IllegalArgumentException("dupRequestIds: must differ from requestId '" + requestId + "'");
      }
    }
    if (new LinkedHashSet<>(dupRequestIds).size() != dupRequestIds.size()) {
      throw new IllegalArgumentException("dupRequestIds: must not repeat an id");
    }
    if (returnFinishInfo != 0 && returnFinishInfo != 1) {
      throw new IllegalArgumentException("returnFinishInfo: must be 0 or 1, was " + returnFinishInfo);
    }
    if (returnFinishInfo == 1 && (imgCallback == null || imgCallback.isBlank())) {
      throw new IllegalArgumentException("imgCallback: is required when returnFinishInfo is 1");
    }
    requireHttpUrl("imgCallback", imgCallback);
    requireHttpUrl("audioCallback", audioCallback);
    data = data == null ? JsonNodeFactory.instance.objectNode() : data.deepCopy();
  }

  /** An active stream with no callbacks. */
  public static StreamSpec of(String accessKey, String requestId) {
    return new StreamSpec(requestId, accessKey, List.of(), null, null, 0, null);
  }

  /** Whether the stream moderates audio (the vendor sends audio results only when audioCallback is set). */
  public boolean moderatesAudio() {
    return audioCallback != null;
  }

  private static void requireId(String field, String id) {
    if (id == null) {
      throw new IllegalArgumentException(field + ": is required");
    }
    int length = id.codePointCount(0, id.length());
    if (length < 1 || length > 32) {
      throw new IllegalArgumentException(
          field + ": must be 1..32 characters, was " + length + " characters");
    }
  }

  private static void requireHttpUrl(String field, String url) {
    if (url == null) {
      return;
    }
    if (url.length() > 1024) {
      throw new IllegalArgumentException(field + ": must be at most 1024 characters");
    }
    if (!(url.startsWith("http://") || url.startsWith("https://"))) {
      throw new IllegalArgumentException(field + ": must be an http:// or https:// URL");
    }
    java.net.URI uri;
    try {
      uri = java.net.URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": is not a valid URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException(field + ": must name a host (and a port 1..65535, if any)");
    }
    if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
      throw new IllegalArgumentException(field + ": port must be 1..65535, was " + uri.getPort());
    }
  }
}
