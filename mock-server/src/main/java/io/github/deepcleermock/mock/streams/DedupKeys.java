package io.github.deepcleermock.mock.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What makes two submits "the same stream" (decision for the vendor's unknown U4), per stream type and always
 * within one access key: NORMAL {@code url}; AGORA {@code agoraParam.appId}+{@code channel}; TRTC
 * {@code sdkAppId}+{@code roomId} (else {@code strRoomId})+{@code userId}; ZEGO {@code zegoParam.streamId} (else
 * {@code roomId}); VOLC {@code volcParam.appId}+{@code roomId}; ALI {@code aliParam.room}.
 */
public final class DedupKeys {

  private static final char SEP = '\u0000';

  private DedupKeys() {}

  /** The key of a stream with this {@code data}, or null when data names no stream type or lacks the fields. */
  public static String of(String accessKey, ObjectNode data) {
    String type = text(data, "streamType");
    if (type == null) {
      return null;
    }
    String[] parts =
        switch (type) {
          case "NORMAL" -> new String[] {text(data, "url")};
          case "AGORA" -> block(data, "agoraParam", "appId", "channel");
          case "TRTC" -> trtc(data.path("trtcParam"));
          case "ZEGO" -> new String[] {firstOf(data.path("zegoParam"), "streamId", "roomId")};
          case "VOLC" -> block(data, "volcParam", "appId", "roomId");
          case "ALI" -> block(data, "aliParam", "room");
          default -> new String[] {null};
        };
    StringBuilder key = new StringBuilder(accessKey).append(SEP).append(type);
    for (String part : parts) {
      if (part == null) {
        return null;
      }
      key.append(SEP).append(part);
    }
    return key.toString();
  }

  private static String[] trtc(JsonNode param) {
    return new String[] {text(param, "sdkAppId"), firstOf(param, "roomId", "strRoomId"), text(param, "userId")};
  }

  private static String[] block(ObjectNode data, String block, String... fields) {
    JsonNode param = data.path(block);
    String[] parts = new String[fields.length];
    for (int i = 0; i < fields.length; i++) {
      parts[i] = text(param, fields[i]);
    }
    return parts;
  }

  private static String firstOf(JsonNode node, String first, String second) {
    String value = text(node, first);
    return value != null ? first + "=" + value : prefixed(second, text(node, second));
  }

  private static String prefixed(String name, String value) {
    return value == null ? null : name + "=" + value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }
}
