package io.github.deepcleermock.mock.callbacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.pipeline.Lang;
import io.github.deepcleermock.mock.pipeline.VendorCode;
import io.github.deepcleermock.mock.streams.StreamSpec;

/**
 * The stream-end ("finish") callback body of the vendor reference §4.5: statCode 1, the verdict, the time the
 * stream was moderated, passThrough echoed, and the submitted {@code data} under {@code detail.requestParams}
 * (contentType 1) or top-level {@code requestParams} (contentType 2).
 */
final class EndCallbackPayload {

  static final int IMAGE = 1;
  static final int AUDIO = 2;

  private EndCallbackPayload() {}

  static ObjectNode build(StreamSpec stream, int contentType, long streamSeconds, EndOfStream end) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode payload = json.objectNode();
    payload.put("code", VendorCode.SUCCESS.code());
    payload.put("message", VendorCode.SUCCESS.message(stream.speaksChinese() ? Lang.ZH : Lang.EN));
    payload.put("requestId", stream.requestId());
    payload.put("statCode", 1);
    payload.put("contentType", contentType);
    payload.put("riskLevel", end.riskLevel(contentType));
    payload.put("pullStreamSuccess", end.pulled());
    ObjectNode auxInfo = payload.putObject("auxInfo");
    auxInfo.put("streamTime", end.streamSeconds() != null ? end.streamSeconds() : streamSeconds);
    ObjectNode data = stream.data();
    JsonNode passThrough = data.path("extra").get("passThrough");
    if (passThrough != null) {
      auxInfo.set("passThrough", passThrough.deepCopy());
    }
    if (end.errorCode() != null) {
      auxInfo.put("errorCode", end.errorCode());
    }
    if (contentType == IMAGE) {
      payload.putObject("detail").set("requestParams", data);
    } else {
      payload.set("requestParams", data);
    }
    return payload;
  }
}
