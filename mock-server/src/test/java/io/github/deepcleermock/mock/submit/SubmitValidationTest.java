package io.github.deepcleermock.mock.submit;

import static io.github.deepcleermock.mock.submit.SubmitFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.pipeline.Outcome;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field rule of the submit body answers 1902 with a reason naming the field and the rule, never the value. */
class SubmitValidationTest {

  /** Planted in bad values: a reason must never echo it. */
  private static final String SECRET = "SECRET";

  private final SubmitFixture fixture = new SubmitFixture();

  private static Arguments rule(String reason, Consumer<ObjectNode> breakIt) {
    return Arguments.of(reason, breakIt);
  }

  private static ObjectNode data(ObjectNode body) {
    return (ObjectNode) body.get("data");
  }

  static Stream<Arguments> brokenRules() {
    return Stream.of(
        rule("accessKey is missing", b -> b.remove("accessKey")),
        rule("accessKey must be a string, got an integer", b -> b.put("accessKey", 7)),
        rule("accessKey is 21 characters long, at most 20 are allowed", b -> b.put("accessKey", "a".repeat(15) + SECRET)),
        rule("appId is missing", b -> b.remove("appId")),
        rule("appId is empty", b -> b.put("appId", "")),
        rule("appId is 65 characters long, at most 64 are allowed", b -> b.put("appId", "a".repeat(59) + SECRET)),
        rule("eventId is null", b -> b.putNull("eventId")),
        rule("imgType has a token that is not a known image type", b -> b.put("imgType", "POLITY_" + SECRET)),
        rule("imgType is 65 characters long", b -> b.put("imgType", "POLITY_".repeat(8) + "EROTIC_AD")),
        rule("imgBusinessType must be upper-case tokens joined with _", b -> b.put("imgBusinessType", "age")),
        rule("imgType and imgBusinessType are both missing", b -> b.remove("imgType")),
        rule("audioType has a token that is not a known audio type", b -> b.put("audioType", SECRET)),
        rule("audioBusinessType has a token that is not a known audio business type",
            b -> b.put("audioBusinessType", "GENDER_" + SECRET)),
        rule("imgCallback is missing", b -> b.remove("imgCallback")),
        rule("imgCallback must be an absolute http:// or https:// URL", b -> b.put("imgCallback", "ftp://" + SECRET)),
        rule("imgCallback is 1025 characters long", b -> b.put("imgCallback", "http://x/" + "a".repeat(1016))),
        rule("imgCallback port must be 1..65535", b -> b.put("imgCallback", "http://cb.test:99999/x")),
        rule("imgCallback port must be 1..65535", b -> b.put("imgCallback", "http://cb.test:0/x")),
        rule("imgCallback must be an absolute http:// or https:// URL with a host",
            b -> b.put("imgCallback", "http://bad_host/x")),
        rule("audioCallback is missing", b -> b.remove("audioCallback")),
        rule("acceptLang is not one of zh, en", b -> b.put("acceptLang", SECRET)),
        rule("data is missing", b -> b.remove("data")),
        rule("data must be an object, got a string", b -> b.put("data", SECRET)),
        rule("data.streamType is not one of NORMAL, AGORA, TRTC, ZEGO, VOLC, ALI",
            b -> data(b).put("streamType", SECRET)),
        rule("data.url is missing (required for NORMAL streams)", b -> data(b).remove("url")),
        rule("data.url must be an rtmp, rtmps, http or https URL", b -> data(b).put("url", "srt://" + SECRET)),
        rule("data.url is 601 characters long", b -> data(b).put("url", "rtmp://x/" + "a".repeat(592))),
        rule("data.tokenId is missing", b -> data(b).remove("tokenId")),
        rule("data.tokenId is 65 characters long", b -> data(b).put("tokenId", "t".repeat(65))),
        rule("data.lang is not one of zh, en, ar", b -> data(b).put("lang", "fr")),
        rule("data.room is 65 characters long", b -> data(b).put("room", "r".repeat(65))),
        rule("data.returnFinishInfo must be 0 or 1", b -> data(b).put("returnFinishInfo", 2)),
        rule("data.returnAllImg must be an integer, got a string", b -> data(b).put("returnAllImg", "1")),
        rule("data.detectFrequency must be at most 60 seconds", b -> data(b).put("detectFrequency", 60.5)),
        rule("data.detectFrequency must be a number, got a string", b -> data(b).put("detectFrequency", "3")),
        rule("data.detectStep must be at least 1", b -> data(b).put("detectStep", 0)),
        rule("data.audioDetectStep must be 1..36", b -> data(b).put("audioDetectStep", 37)),
        rule("data.extra.passThrough is larger than 1024 bytes as JSON",
            b -> data(b).putObject("extra").putObject("passThrough").put("k", "v".repeat(1100))),
        rule("data.extra.passThrough must be an object, got an array",
            b -> data(b).putObject("extra").putArray("passThrough")),
        rule("data.agoraParam is missing (required for this streamType)", b -> data(b).put("streamType", "AGORA")),
        rule("data.agoraParam.channel is missing", b -> {
          data(b).put("streamType", "AGORA");
          data(b).putObject("agoraParam").put("appId", "a");
        }),
        rule("data.agoraParam.untrustedUserIdList must not be empty when subscribeMode is UNTRUSTED", b -> {
          data(b).put("streamType", "AGORA");
          data(b).putObject("agoraParam").put("appId", "a").put("channel", "c").put("subscribeMode", "UNTRUSTED");
        }),
        rule("data.trtcParam.roomId and strRoomId are both missing", b -> {
          data(b).put("streamType", "TRTC");
          data(b).putObject("trtcParam").put("sdkAppId", 1400000000).put("userId", "bot").put("userSig", "s");
        }),
        rule("data.trtcParam.userId must be letters, digits, _ or -", b -> {
          data(b).put("streamType", "TRTC");
          data(b).putObject("trtcParam").put("sdkAppId", 1).put("userId", "a b").put("userSig", "s").put("roomId", 1);
        }),
        rule("data.zegoParam.streamId and roomId are both missing", b -> {
          data(b).put("streamType", "ZEGO");
          data(b).putObject("zegoParam").put("tokenId", "t");
        }),
        rule("data.volcParam.token is missing", b -> {
          data(b).put("streamType", "VOLC");
          data(b).putObject("volcParam").put("appId", "a").put("roomId", "r").put("userId", "u");
        }),
        rule("data.aliParam.room is missing", b -> {
          data(b).put("streamType", "ALI");
          data(b).putObject("aliParam").put("token", "t");
        }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenRules")
  void eachBrokenRuleIs1902NamingFieldAndRule(String reason, Consumer<ObjectNode> breakIt) {
    ObjectNode body = body("rtmp://live.test/live/a");
    breakIt.accept(body);

    Outcome outcome = fixture.submit(body);

    assertThat(outcome.code()).isEqualTo(1902);
    assertThat(outcome.message()).isEqualTo("Invalid parameters");
    assertThat(outcome.reason()).startsWith(reason).doesNotContain(SECRET).matches("[\\x20-\\x7E]+");
    assertThat(fixture.streams.activeCount(SubmitFixture.KEY)).isZero();
  }

  @Test
  void aCallbackUrlThatPassedBeforeStillPassesAndABrokenOneAfterItIsStill1902() {
    assertThat(fixture.submit(body("rtmp://live.test/live/1")).code()).isEqualTo(1100);
    assertThat(fixture.submit(body("rtmp://live.test/live/2")).code()).isEqualTo(1100);

    ObjectNode broken = body("rtmp://live.test/live/3");
    broken.put("imgCallback", "http://client.test:70000/img");
    Outcome outcome = fixture.submit(broken);

    assertThat(outcome.code()).isEqualTo(1902);
    assertThat(outcome.reason()).startsWith("imgCallback port must be 1..65535");
    assertThat(fixture.streams.activeCount(SubmitFixture.KEY)).isEqualTo(2);
  }

  static Stream<Arguments> validVariants() {
    return Stream.of(
        Arguments.of("unknown extra fields are ignored", (Consumer<ObjectNode>) b -> {
          b.put("somethingNew", 1);
          data(b).put("alsoNew", true);
        }),
        Arguments.of("fractional detectFrequency below 1", (Consumer<ObjectNode>) b -> data(b).put("detectFrequency", 0.5)),
        Arguments.of("imgBusinessType alone", (Consumer<ObjectNode>) b -> {
          b.remove("imgType");
          b.put("imgBusinessType", "AGE_GENDER");
        }),
        Arguments.of("legacy image type names", (Consumer<ObjectNode>) b -> b.put("imgType", "PORN_AD_OCR")),
        Arguments.of("20 emoji as accessKey counts 20 characters", (Consumer<ObjectNode>) b -> {
          b.put("accessKey", "😀".repeat(20));
        }),
        Arguments.of("an AGORA stream with its block", (Consumer<ObjectNode>) b -> {
          data(b).put("streamType", "AGORA").remove("url");
          data(b).putObject("agoraParam").put("appId", "a").put("channel", "c").put("uid", 4294967295L);
        }),
        Arguments.of("a TRTC stream with a string room", (Consumer<ObjectNode>) b -> {
          data(b).put("streamType", "TRTC");
          data(b).putObject("trtcParam").put("sdkAppId", 1).put("userId", "bot_1").put("userSig", "s")
              .put("strRoomId", "room");
        }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validVariants")
  void validVariantsPassValidation(String name, Consumer<ObjectNode> change) {
    ObjectNode body = body("rtmp://live.test/live/a");
    change.accept(body);

    Outcome outcome = fixture.submit(body);

    // 9101 for the emoji key (not registered) proves validation passed; everything else opens a stream.
    assertThat(outcome.code()).as(outcome.reason()).isIn(1100, 9101);
    assertThat(outcome.reason() == null || !outcome.reason().contains("missing")).isTrue();
  }
}
