package io.github.deepcleermock.mock.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.pipeline.Lang;
import io.github.deepcleermock.mock.pipeline.VendorCode;
import io.github.deepcleermock.mock.streams.StreamSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The result callback bodies of reference §4.2–4.4: a frame result (contentType 1, {@code frameDetail}) and an
 * audio segment result (contentType 2, {@code audioDetail}). {@code statCode} 0 is present only when the stream
 * has {@code returnFinishInfo} = 1. Fields the mock cannot give truthfully (business labels, account labels, RTC
 * user ids) are left out, as the vendor leaves them out when the feature is off.
 */
final class ResultPayloads {

  /** The vendor's example formats; times are UTC (the vendor does not say which zone it uses). */
  private static final DateTimeFormatter IMG_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter AUDIO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  /** riskSource: 1000 nothing found, 1002 found in the image, 1003 found in the audio. */
  private static final int SOURCE_NONE = 1000;
  private static final int SOURCE_VISUAL = 1002;
  private static final int SOURCE_AUDIO = 1003;

  private ResultPayloads() {}

  /** A frame result. */
  static ObjectNode frame(
      StreamSpec stream, StreamSettings settings, long n, boolean moderated, Verdict verdict, Instant at,
      String imgUrl) {
    ObjectNode payload = head(stream, CallbackIds.frame(at.toEpochMilli(), stream.requestId(), n), 1);
    ObjectNode detail = payload.putObject("frameDetail");
    detail.put("imgUrl", imgUrl);
    labels(detail, verdict, stream.speaksChinese());
    detail.putObject("riskDetail").put("riskSource", source(verdict, SOURCE_VISUAL));
    allLabels(detail, verdict, SOURCE_VISUAL, null);
    ObjectNode aux = detail.putObject("auxInfo");
    aux.put("beginProcessTime", at.toEpochMilli());
    aux.put("finishProcessTime", at.toEpochMilli());
    aux.put("imgTime", IMG_TIME.format(at));
    if (settings.detectStepGiven()) {
      aux.put("detectType", moderated ? 1 : 2);
    }
    ObjectNode data = stream.data();
    room(data, aux);
    JsonNode passThrough = passThrough(data);
    if (passThrough != null) {
      payload.putObject("auxInfo").set("passThrough", passThrough.deepCopy());
    }
    return payload;
  }

  /**
   * An audio segment result.
   *
   * @param previousText the previous segment's transcript, used when returnPreText = 1 and the segment is rejected
   */
  static ObjectNode segment(
      StreamSpec stream, StreamSettings settings, long k, Verdict verdict, String previousText, Instant at,
      String audioUrl, String preAudioUrl) {
    ObjectNode payload = head(stream, CallbackIds.segment(at.toEpochMilli(), stream.requestId(), k), 2);
    ObjectNode detail = payload.putObject("audioDetail");
    detail.put("audioUrl", audioUrl);
    labels(detail, verdict, stream.speaksChinese());
    ObjectNode riskDetail = detail.putObject("riskDetail");
    riskDetail.put("riskSource", source(verdict, SOURCE_AUDIO));
    riskDetail.put("audioText", verdict.text());
    allLabels(detail, verdict, SOURCE_AUDIO, verdict.text());
    detail.put("vadCode", verdict.text().isEmpty() ? 0 : 1);
    boolean rejected = verdict.riskLevel() == RiskLevel.REJECT;
    String content = verdict.text();
    if (rejected && settings.returnPreText() == 1 && !previousText.isEmpty()) {
      content = previousText + " " + content;
    }
    detail.put("content", content);
    if (rejected && settings.returnPreAudio() == 1) {
      detail.put("preAudioUrl", preAudioUrl);
    }
    ObjectNode aux = detail.putObject("auxInfo");
    aux.put("audioStartTime", AUDIO_TIME.format(at.minusSeconds(Timeline.SEGMENT_SECONDS)));
    aux.put("audioEndTime", AUDIO_TIME.format(at));
    aux.put("beginProcessTime", at.toEpochMilli());
    aux.put("finishProcessTime", at.toEpochMilli());
    ObjectNode data = stream.data();
    room(data, aux);
    JsonNode passThrough = passThrough(data);
    if (passThrough != null) {
      aux.set("passThrough", passThrough.deepCopy());
    }
    payload.set("requestParams", data);
    return payload;
  }

  private static ObjectNode head(StreamSpec stream, String requestId, int contentType) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("code", VendorCode.SUCCESS.code());
    payload.put("message", VendorCode.SUCCESS.message(stream.speaksChinese() ? Lang.ZH : Lang.EN));
    payload.put("requestId", requestId);
    if (stream.returnFinishInfo() == 1) {
      payload.put("statCode", 0);
    }
    payload.put("contentType", contentType);
    return payload;
  }

  /** The vendor's PASS text is "normal" or "正常" by acceptLang; a scripted description is sent as written. */
  private static String description(Verdict verdict, boolean chinese) {
    return chinese && verdict.riskLevel() == RiskLevel.PASS && verdict.riskDescription().equals(Verdict.PASS.riskDescription())
        ? "正常"
        : verdict.riskDescription();
  }

  private static void labels(ObjectNode detail, Verdict verdict, boolean chinese) {
    detail.put("riskLevel", verdict.riskLevel().name());
    detail.put("riskLabel1", verdict.riskLabel1());
    detail.put("riskLabel2", verdict.riskLabel2());
    detail.put("riskLabel3", verdict.riskLabel3());
    detail.put("riskDescription", description(verdict, chinese));
  }

  /** One entry per label hit; none on PASS. */
  private static void allLabels(ObjectNode detail, Verdict verdict, int source, String audioText) {
    ArrayNode all = detail.putArray("allLabels");
    if (verdict.riskLevel() == RiskLevel.PASS) {
      return;
    }
    ObjectNode label = all.addObject();
    label.put("riskLabel1", verdict.riskLabel1());
    label.put("riskLabel2", verdict.riskLabel2());
    label.put("riskLabel3", verdict.riskLabel3());
    label.put("riskDescription", verdict.riskDescription());
    label.put("riskLevel", verdict.riskLevel().name());
    label.put("probability", verdict.riskLevel() == RiskLevel.REJECT ? 0.95 : 0.6);
    ObjectNode riskDetail = label.putObject("riskDetail");
    riskDetail.put("riskSource", source);
    if (audioText != null) {
      riskDetail.put("audioText", audioText);
    }
  }

  private static int source(Verdict verdict, int found) {
    return verdict.riskLevel() == RiskLevel.PASS ? SOURCE_NONE : found;
  }

  private static void room(ObjectNode data, ObjectNode aux) {
    JsonNode room = data.get("room");
    if (room != null && room.isTextual()) {
      aux.put("room", room.textValue());
    }
  }

  private static JsonNode passThrough(ObjectNode data) {
    JsonNode extra = data.get("extra");
    return extra == null ? null : extra.get("passThrough");
  }
}
