package io.github.deepcleermock.mock.submit;

import static io.github.deepcleermock.mock.submit.FieldRules.bool;
import static io.github.deepcleermock.mock.submit.FieldRules.first;
import static io.github.deepcleermock.mock.submit.FieldRules.integer;
import static io.github.deepcleermock.mock.submit.FieldRules.matches;
import static io.github.deepcleermock.mock.submit.FieldRules.oneOf;
import static io.github.deepcleermock.mock.submit.FieldRules.string;
import static io.github.deepcleermock.mock.submit.FieldRules.tokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.pipeline.Lang;
import io.github.deepcleermock.mock.pipeline.Outcome;
import io.github.deepcleermock.mock.pipeline.Step;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validate: every field rule of reference §3.1–3.3 as the spec states it, plus the rules the schema cannot express
 * (one of imgType/imgBusinessType, audioCallback when audio is moderated, the url of a NORMAL stream, the block of
 * an RTC stream, the serialized sizes). The first broken rule answers 1902; unknown extra fields are ignored.
 */
final class ValidateSubmit implements Step<SubmitCall> {

  private static final Pattern CALLBACK = Pattern.compile("^https?://\\S+$");
  private static final Pattern STREAM_URL = Pattern.compile("^(rtmp|rtmps|http|https)://\\S+$");
  private static final Pattern BUSINESS_TOKENS = Pattern.compile("^[A-Z0-9]+(_[A-Z0-9]+)*$");
  private static final Pattern TRTC_USER = Pattern.compile("^[A-Za-z0-9_-]+$");
  private static final long UINT32_MAX = 4_294_967_295L;
  private static final ObjectMapper SIZES = new ObjectMapper();

  /**
   * The latest callback URL that passed every rule. Clients send the same URL with every submit, and whether a URL
   * passes depends on nothing but its text, so the URL parse is skipped for a repeat (racing writers are harmless:
   * any value written here passed).
   */
  private volatile String recentValidCallback;

  @Override
  public Outcome apply(SubmitCall call) {
    ObjectNode body = call.body;
    JsonNode key = body.get("accessKey");
    if (key != null && key.isTextual()) {
      call.accessKey(key.textValue());
    }
    JsonNode lang = body.get("acceptLang");
    if (lang != null && "zh".equals(lang.textValue())) {
      call.lang(Lang.ZH);
    }
    boolean moderatesAudio = moderatesAudio(body);
    String problem = topLevel(body, moderatesAudio);
    if (problem == null) {
      problem = data(body.get("data"), call.request().length());
    }
    if (problem != null) {
      return call.invalid(problem);
    }
    call.data = (ObjectNode) body.get("data");
    call.faultKey(call.data.get("tokenId").textValue());
    call.moderatesAudio = moderatesAudio;
    return null;
  }

  private String topLevel(ObjectNode body, boolean moderatesAudio) {
    String problem =
        first(
            string(body, "", "accessKey", 1, SubmitFields.ACCESS_KEY_MAX_LENGTH, true),
            string(body, "", "appId", 1, SubmitFields.APP_ID_MAX_LENGTH, true),
            string(body, "", "eventId", 1, SubmitFields.EVENT_ID_MAX_LENGTH, true),
            string(body, "", "imgType", 0, SubmitFields.IMG_TYPE_MAX_LENGTH, false),
            tokens(body, "imgType", SubmitFields.IMG_TYPES, "image type"),
            string(body, "", "imgBusinessType", 0, SubmitFields.IMG_BUSINESS_TYPE_MAX_LENGTH, false),
            matches(body, "", "imgBusinessType", BUSINESS_TOKENS, "must be upper-case tokens joined with _"),
            string(body, "", "audioType", 0, SubmitFields.AUDIO_TYPE_MAX_LENGTH, false),
            tokens(body, "audioType", SubmitFields.AUDIO_TYPES, "audio type"),
            string(body, "", "audioBusinessType", 0, SubmitFields.AUDIO_BUSINESS_TYPE_MAX_LENGTH, false),
            tokens(body, "audioBusinessType", SubmitFields.AUDIO_BUSINESS_TYPES, "audio business type"));
    if (problem != null) {
      return problem;
    }
    if (!body.has("imgType") && !body.has("imgBusinessType")) {
      return "imgType and imgBusinessType are both missing; at least one is required";
    }
    if (!body.has("imgCallback") && body.has("callback")) {
      // The vendor's own v4 demo still sends the v3 field: say so instead of a bare "missing".
      return "imgCallback is missing (v4 has no 'callback' field)";
    }
    problem = first(callback(body, "imgCallback", true), callback(body, "audioCallback", moderatesAudio));
    if (problem != null) {
      return problem;
    }
    problem = oneOf(body, "", "acceptLang", List.of("zh", "en"), false);
    if (problem != null) {
      return problem;
    }
    JsonNode data = body.get("data");
    if (data == null) {
      return "data is missing";
    }
    if (!data.isObject()) {
      return FieldRules.wrongType("data", data, "an object");
    }
    return null;
  }

  private String callback(ObjectNode body, String field, boolean required) {
    JsonNode given = body.get(field);
    if (given != null && given.isTextual() && given.textValue().equals(recentValidCallback)) {
      return null;
    }
    String problem =
        first(
            string(body, "", field, 1, SubmitFields.CALLBACK_MAX_LENGTH, required),
            matches(body, "", field, CALLBACK, "must be an absolute http:// or https:// URL"));
    if (problem != null) {
      return problem;
    }
    if (required && !body.has(field)) {
      return field + " is missing";
    }
    JsonNode value = body.get(field);
    if (value != null) {
      try {
        URI uri = new URI(value.textValue());
        if (uri.getHost() == null) {
          return field + " must be an absolute http:// or https:// URL with a host";
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
          // The stream keeps the URL unchecked from here on: every rule a callback target must meet is here.
          return field + " port must be 1..65535";
        }
      } catch (URISyntaxException e) {
        return field + " is not a valid URL";
      }
      recentValidCallback = value.textValue();
    }
    return null;
  }

  /** Audio is moderated when an audio type other than NONE, or any audio business type, is asked for. */
  static boolean moderatesAudio(JsonNode body) {
    JsonNode type = body.get("audioType");
    if (type != null && type.isTextual()) {
      String types = type.textValue();
      for (int start = 0; start < types.length(); ) {
        int end = types.indexOf('_', start);
        if (end < 0) {
          end = types.length();
        }
        if (end > start && !types.regionMatches(start, "NONE", 0, Math.max(4, end - start))) {
          return true;
        }
        start = end + 1;
      }
    }
    JsonNode business = body.get("audioBusinessType");
    return business != null && business.isTextual() && !business.textValue().isEmpty();
  }

  private static String data(JsonNode data, int bodyLength) {
    String d = "data.";
    String problem =
        first(
            oneOf(data, d, "streamType", SubmitFields.STREAM_TYPES, true),
            string(data, d, "url", 1, SubmitFields.URL_MAX_LENGTH, false),
            matches(data, d, "url", STREAM_URL, "must be an rtmp, rtmps, http or https URL"));
    if (problem != null) {
      return problem;
    }
    if (!data.has("tokenId") && data.has("btId")) {
      return "data.tokenId is missing (v4 has no 'btId' field)";
    }
    problem =
        first(
            string(data, d, "tokenId", 1, SubmitFields.TOKEN_ID_MAX_LENGTH, true),
            oneOf(data, d, "lang", List.of("zh", "en", "ar"), false),
            string(data, d, "room", 0, SubmitFields.ROOM_MAX_LENGTH, false),
            string(data, d, "streamName", 0, SubmitFields.ROOM_MAX_LENGTH, false),
            integer(data, d, "returnFinishInfo", 0, 1, false),
            integer(data, d, "returnAllImg", 0, 1, false),
            integer(data, d, "returnAllText", 0, 1, false),
            integer(data, d, "returnPreText", 0, 1, false),
            integer(data, d, "returnPreAudio", 0, 1, false),
            detectFrequency(data),
            integer(data, d, "detectStep", 1, Integer.MAX_VALUE, false),
            integer(data, d, "audioDetectStep", 1, SubmitFields.MAX_AUDIO_DETECT_STEP, false),
            integer(data, d, "imgBusinessDetectStep", 1, Integer.MAX_VALUE, false),
            string(data, d, "ip", 0, 64, false),
            string(data, d, "deviceId", 0, 128, false),
            string(data, d, "receiveTokenId", 0, 64, false),
            string(data, d, "imgCompareBase", 0, 1024, false),
            extra(data));
    if (problem != null) {
      return problem;
    }
    String type = data.get("streamType").textValue();
    if (type.equals("NORMAL") && !data.has("url")) {
      return "data.url is missing (required for NORMAL streams)";
    }
    problem =
        first(
            block(data, "agoraParam", type.equals("AGORA")),
            block(data, "trtcParam", type.equals("TRTC")),
            block(data, "zegoParam", type.equals("ZEGO")),
            block(data, "volcParam", type.equals("VOLC")),
            block(data, "aliParam", type.equals("ALI")));
    if (problem != null) {
      return problem;
    }
    problem =
        first(
            agora(data.get("agoraParam")),
            trtc(data.get("trtcParam")),
            zego(data.get("zegoParam")),
            volc(data.get("volcParam")),
            ali(data.get("aliParam")));
    if (problem != null) {
      return problem;
    }
    // Serialized JSON is never longer than the body it came from, so only a large body can hold a large data.
    if (bodyLength > SubmitFields.MAX_DATA_BYTES && serializedSize(data) > SubmitFields.MAX_DATA_BYTES) {
      return "data is larger than " + SubmitFields.MAX_DATA_BYTES + " bytes as JSON";
    }
    return null;
  }

  private static String detectFrequency(JsonNode data) {
    JsonNode value = data.get("detectFrequency");
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      return FieldRules.wrongType("data.detectFrequency", value, "a number");
    }
    // Fractions round down and values below 1 become 1 (the vendor's rule); only the upper bound is refused.
    return value.doubleValue() > SubmitFields.MAX_DETECT_FREQUENCY
        ? "data.detectFrequency must be at most " + SubmitFields.MAX_DETECT_FREQUENCY + " seconds"
        : null;
  }

  private static String extra(JsonNode data) {
    JsonNode extra = data.get("extra");
    if (extra == null) {
      return null;
    }
    if (!extra.isObject()) {
      return FieldRules.wrongType("data.extra", extra, "an object");
    }
    JsonNode passThrough = extra.get("passThrough");
    if (passThrough == null) {
      return null;
    }
    if (!passThrough.isObject()) {
      return FieldRules.wrongType("data.extra.passThrough", passThrough, "an object");
    }
    if (serializedSize(passThrough) > SubmitFields.MAX_PASS_THROUGH_BYTES) {
      return "data.extra.passThrough is larger than " + SubmitFields.MAX_PASS_THROUGH_BYTES + " bytes as JSON";
    }
    return null;
  }

  private static String block(JsonNode data, String field, boolean required) {
    JsonNode block = data.get(field);
    if (block == null) {
      return required ? "data." + field + " is missing (required for this streamType)" : null;
    }
    return block.isObject() ? null : FieldRules.wrongType("data." + field, block, "an object");
  }

  private static String agora(JsonNode p) {
    if (p == null) {
      return null;
    }
    String a = "data.agoraParam.";
    String problem =
        first(
            string(p, a, "appId", 1, 64, true),
            string(p, a, "channel", 1, 64, true),
            string(p, a, "token", 0, Integer.MAX_VALUE, false),
            integer(p, a, "uid", 0, UINT32_MAX, false),
            integer(p, a, "channelProfile", 0, 1, false),
            oneOf(p, a, "subscribeMode", List.of("AUTO", "TRUSTED", "UNTRUSTED"), false),
            uidList(p, a, "trustedUserIdList"),
            uidList(p, a, "untrustedUserIdList"),
            bool(p, a, "enableIntraRequest"),
            bool(p, a, "enableH265Support"));
    if (problem != null) {
      return problem;
    }
    JsonNode mode = p.get("subscribeMode");
    JsonNode untrusted = p.get("untrustedUserIdList");
    if (mode != null && "UNTRUSTED".equals(mode.textValue()) && (untrusted == null || untrusted.isEmpty())) {
      return a + "untrustedUserIdList must not be empty when subscribeMode is UNTRUSTED";
    }
    return null;
  }

  private static String uidList(JsonNode p, String path, String field) {
    JsonNode list = p.get(field);
    if (list == null) {
      return null;
    }
    if (!list.isArray()) {
      return FieldRules.wrongType(path + field, list, "an array");
    }
    if (list.size() > 17) {
      return path + field + " has more than 17 uids";
    }
    for (JsonNode uid : list) {
      if (!uid.isIntegralNumber()) {
        return path + field + " must hold integers only";
      }
    }
    return null;
  }

  private static String trtc(JsonNode p) {
    if (p == null) {
      return null;
    }
    String t = "data.trtcParam.";
    String problem =
        first(
            integer(p, t, "sdkAppId", Long.MIN_VALUE, Long.MAX_VALUE, true),
            integer(p, t, "demoSences", Integer.MIN_VALUE, Integer.MAX_VALUE, false),
            string(p, t, "userId", 1, 32, true),
            matches(p, t, "userId", TRTC_USER, "must be letters, digits, _ or -"),
            string(p, t, "userSig", 1, 128, true),
            integer(p, t, "roomId", 1, UINT32_MAX - 1, false),
            string(p, t, "strRoomId", 1, 128, false),
            integer(p, t, "appScene", 0, 1, false));
    if (problem != null) {
      return problem;
    }
    return p.has("roomId") || p.has("strRoomId") ? null : t + "roomId and strRoomId are both missing";
  }

  private static String zego(JsonNode p) {
    if (p == null) {
      return null;
    }
    String z = "data.zegoParam.";
    String problem =
        first(
            string(p, z, "streamId", 1, 64, false),
            string(p, z, "roomId", 1, 64, false),
            string(p, z, "tokenId", 1, 64, true),
            bool(p, z, "testEnv"));
    if (problem != null) {
      return problem;
    }
    return p.has("streamId") || p.has("roomId") ? null : z + "streamId and roomId are both missing";
  }

  private static String volc(JsonNode p) {
    if (p == null) {
      return null;
    }
    String v = "data.volcParam.";
    return first(
        string(p, v, "appId", 1, 64, true),
        string(p, v, "roomId", 1, 128, true),
        string(p, v, "userId", 1, 32, true),
        string(p, v, "token", 1, 64, true));
  }

  private static String ali(JsonNode p) {
    if (p == null) {
      return null;
    }
    String a = "data.aliParam.";
    return first(
        string(p, a, "room", 1, 64, true),
        string(p, a, "token", 1, 64, true),
        integer(p, a, "userId", Long.MIN_VALUE, Long.MAX_VALUE, false));
  }

  private static int serializedSize(JsonNode node) {
    try {
      return SIZES.writeValueAsBytes(node).length;
    } catch (JsonProcessingException e) {
      return Integer.MAX_VALUE;
    }
  }
}
