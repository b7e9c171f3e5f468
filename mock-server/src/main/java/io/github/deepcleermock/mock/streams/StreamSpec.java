package io.github.deepcleermock.mock.streams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a stream was submitted with: the fields the vendor's submit call carries that matter when it is closed.
 *
 * <p>Make one with {@link #builder()}, which names every field:
 * {@code StreamSpec.builder().accessKey("my-key").requestId("stream-1").build()}.
 *
 * <p>Immutable. The JSON parts ({@code data}, the submitted body) are kept as compact UTF-8 text and handed out as
 * fresh trees: a mock may hold hundreds of thousands of open streams, and their trees would dominate its heap.
 */
public final class StreamSpec {

  private final String requestId;
  private final String accessKey;
  private final List<String> dupRequestIds;
  private final String imgCallback;
  private final String audioCallback;
  private final int returnFinishInfo;
  /** The {@code data} object's text, or null when it is the submitted body's {@code data} (kept once, not twice). */
  private final byte[] dataJson;
  private final byte[] submittedJson;
  private final boolean speaksChinese;
  private final String dedupKey;

  /**
   * A stream.
   *
   * @param requestId the id the submit call returned (1..32 characters)
   * @param accessKey the account that owns the stream
   * @param dupRequestIds extra ids that address the same stream (as a duplicate submit's dupRequestId would)
   * @param imgCallback where the contentType 1 end callback goes; required when returnFinishInfo = 1
   * @param audioCallback where the contentType 2 end callback goes; set iff the stream moderates audio
   * @param returnFinishInfo 1 = send the stream-end callback, 0 = do not
   * @param data the submitted {@code data} object (copied), echoed in the end callback
   * @param submitted the whole body of the submit that opened the stream (copied), or null for a seeded stream
   * @throws IllegalArgumentException naming the first field that is missing or invalid
   */
  public StreamSpec(
      String requestId,
      String accessKey,
      List<String> dupRequestIds,
      String imgCallback,
      String audioCallback,
      int returnFinishInfo,
      ObjectNode data,
      ObjectNode submitted) {
    this(requestId, accessKey, dupRequestIds, imgCallback, audioCallback, returnFinishInfo, data, submitted,
        submitted == null ? null : JsonBytes.of(submitted), true);
  }

  private StreamSpec(
      String requestId,
      String accessKey,
      List<String> dupRequestIds,
      String imgCallback,
      String audioCallback,
      int returnFinishInfo,
      ObjectNode data,
      ObjectNode submitted,
      byte[] submittedJson,
      boolean checkUrls) {
    requireId("requestId", requestId);
    if (accessKey == null) {
      throw new IllegalArgumentException("accessKey: is required");
    }
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
    if (checkUrls) {
      requireHttpUrl("imgCallback", imgCallback);
      requireHttpUrl("audioCallback", audioCallback);
    }
    ObjectNode dataObject = data == null ? JsonNodeFactory.instance.objectNode() : data;
    this.requestId = requestId;
    this.accessKey = accessKey;
    this.dupRequestIds = dupRequestIds;
    this.imgCallback = imgCallback;
    this.audioCallback = audioCallback;
    this.returnFinishInfo = returnFinishInfo;
    this.submittedJson = submittedJson;
    // A submit's data is its body's data: kept once, inside the body.
    this.dataJson = submitted != null && dataObject.equals(submitted.get("data")) ? null : JsonBytes.of(dataObject);
    this.speaksChinese = submitted != null && "zh".equals(submitted.path("acceptLang").asText());
    this.dedupKey = DedupKeys.of(accessKey, dataObject);
  }

  /**
   * The spec of a stream opened by a submit whose body the submit rules accepted (they check the callback URLs more
   * strictly than this class does, so they are not checked again): the body is kept as the text it arrived in.
   *
   * @param requestId the fresh id the submit answers with
   * @param body the accepted body's tree (read, not kept)
   * @param bodyJson that body's UTF-8 text as received (kept: the caller must not change it)
   */
  public static StreamSpec submitted(
      String requestId,
      String accessKey,
      String imgCallback,
      String audioCallback,
      int returnFinishInfo,
      ObjectNode body,
      byte[] bodyJson) {
    ObjectNode data = (ObjectNode) body.get("data");
    return new StreamSpec(requestId, accessKey, List.of(), imgCallback, audioCallback, returnFinishInfo, data, body,
        Objects.requireNonNull(bodyJson, "bodyJson"), false);
  }

  /** A seeded stream: no submitted body. */
  public StreamSpec(
      String requestId,
      String accessKey,
      List<String> dupRequestIds,
      String imgCallback,
      String audioCallback,
      int returnFinishInfo,
      ObjectNode data) {
    this(requestId, accessKey, dupRequestIds, imgCallback, audioCallback, returnFinishInfo, data, null);
  }

  /** The id the submit call returned. */
  public String requestId() {
    return requestId;
  }

  /** The account that owns the stream. */
  public String accessKey() {
    return accessKey;
  }

  /** Extra ids that address the same stream. */
  public List<String> dupRequestIds() {
    return dupRequestIds;
  }

  /** Where the contentType 1 callbacks go, or null. */
  public String imgCallback() {
    return imgCallback;
  }

  /** Where the contentType 2 callbacks go, or null when the stream does not moderate audio. */
  public String audioCallback() {
    return audioCallback;
  }

  /** 1 = send the stream-end callback, 0 = do not. */
  public int returnFinishInfo() {
    return returnFinishInfo;
  }

  /** The submitted {@code data} object: a fresh copy on every call. */
  public ObjectNode data() {
    if (dataJson != null) {
      return JsonBytes.parse(dataJson);
    }
    return (ObjectNode) JsonBytes.parse(submittedJson).get("data");
  }

  /** The whole body of the submit that opened the stream (a fresh copy on every call), or null for a seeded one. */
  public ObjectNode submitted() {
    return submittedJson == null ? null : JsonBytes.parse(submittedJson);
  }

  /**
   * Whether this stream's callbacks speak Chinese: the submit said {@code acceptLang: "zh"} (U17: texts are English
   * otherwise, and a seeded stream has no submit).
   */
  public boolean speaksChinese() {
    return speaksChinese;
  }

  /**
   * What makes another submit of the key a duplicate of this stream (see {@link DedupKeys}), or null when its data
   * names no stream.
   */
  public String dedupKey() {
    return dedupKey;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StreamSpec that
        && requestId.equals(that.requestId)
        && accessKey.equals(that.accessKey)
        && dupRequestIds.equals(that.dupRequestIds)
        && Objects.equals(imgCallback, that.imgCallback)
        && Objects.equals(audioCallback, that.audioCallback)
        && returnFinishInfo == that.returnFinishInfo
        && data().equals(that.data())
        && Objects.equals(submitted(), that.submitted());
  }

  @Override
  public int hashCode() {
    return Objects.hash(requestId, accessKey, dupRequestIds, imgCallback, audioCallback, returnFinishInfo);
  }

  @Override
  public String toString() {
    return "StreamSpec[requestId=" + requestId + ", accessKey=" + accessKey + ", dupRequestIds=" + dupRequestIds
        + ", imgCallback=" + imgCallback + ", audioCallback=" + audioCallback + ", returnFinishInfo="
        + returnFinishInfo + ", data=" + data() + ", submitted=" + submitted() + "]";
  }

  /** A builder: set {@code accessKey} and {@code requestId}; every other field has the vendor's default. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this spec's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder()
        .requestId(requestId)
        .accessKey(accessKey)
        .dupRequestIds(dupRequestIds)
        .imgCallback(imgCallback)
        .audioCallback(audioCallback)
        .returnFinishInfo(returnFinishInfo)
        .data(data())
        .submitted(submitted());
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
  /**
   * Names each field of a {@link StreamSpec}; {@link #build()} checks them all at once. Not thread-safe.
   */
  public static final class Builder {
    private String requestId;
    private String accessKey;
    private List<String> dupRequestIds = List.of();
    private String imgCallback;
    private String audioCallback;
    private int returnFinishInfo;
    private ObjectNode data;
    private ObjectNode submitted;

    private Builder() {}

    /** The id the submit call returned (1..32 characters); required. */
    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /** The account that owns the stream; required. */
    public Builder accessKey(String accessKey) {
      this.accessKey = accessKey;
      return this;
    }

    /** Extra ids that address the same stream, as a duplicate submit's {@code dupRequestId} would. */
    public Builder dupRequestIds(List<String> dupRequestIds) {
      this.dupRequestIds = dupRequestIds == null ? List.of() : List.copyOf(dupRequestIds);
      return this;
    }

    /** Where the contentType 1 callbacks go; required with {@code returnFinishInfo(1)}. */
    public Builder imgCallback(String imgCallback) {
      this.imgCallback = imgCallback;
      return this;
    }

    /** Where the contentType 2 callbacks go; set iff the stream moderates audio. */
    public Builder audioCallback(String audioCallback) {
      this.audioCallback = audioCallback;
      return this;
    }

    /** 1 = send the stream-end callback, 0 (the default) = do not. */
    public Builder returnFinishInfo(int returnFinishInfo) {
      this.returnFinishInfo = returnFinishInfo;
      return this;
    }

    /** The submitted {@code data} object (copied), echoed in the end callback; default {@code {}}. */
    public Builder data(ObjectNode data) {
      this.data = data;
      return this;
    }

    /** The whole body of the submit that opened the stream (kept as given); null for a seeded stream. */
    public Builder submitted(ObjectNode submitted) {
      this.submitted = submitted;
      return this;
    }

    /**
     * The spec.
     *
     * @throws IllegalArgumentException naming the first field that is missing or invalid
     */
    public StreamSpec build() {
      return new StreamSpec(
          requestId, accessKey, dupRequestIds, imgCallback, audioCallback, returnFinishInfo, data, submitted);
    }
  }
}
