package io.github.deepcleermock.mock.submit;

import static io.github.deepcleermock.mock.submit.SubmitFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What makes two submits of one key the same stream, per stream type (decision for U4). */
class DedupKeyTest {

  private final SubmitFixture fixture = new SubmitFixture();

  private static ObjectNode ofType(String type, Consumer<ObjectNode> data) {
    ObjectNode body = body("rtmp://live.test/live/a");
    ObjectNode d = (ObjectNode) body.get("data");
    d.put("streamType", type);
    if (!type.equals("NORMAL")) {
      d.remove("url");
    }
    data.accept(d);
    return body;
  }

  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of("NORMAL same url, other room", ofType("NORMAL", d -> {}),
            ofType("NORMAL", d -> d.put("room", "other")), true),
        Arguments.of("NORMAL other url", ofType("NORMAL", d -> {}),
            ofType("NORMAL", d -> d.put("url", "rtmp://live.test/live/b")), false),
        Arguments.of("AGORA same appId and channel, other uid",
            ofType("AGORA", d -> d.putObject("agoraParam").put("appId", "a").put("channel", "c").put("uid", 1)),
            ofType("AGORA", d -> d.putObject("agoraParam").put("appId", "a").put("channel", "c").put("uid", 2)), true),
        Arguments.of("AGORA other channel",
            ofType("AGORA", d -> d.putObject("agoraParam").put("appId", "a").put("channel", "c")),
            ofType("AGORA", d -> d.putObject("agoraParam").put("appId", "a").put("channel", "d")), false),
        Arguments.of("TRTC same sdkAppId, roomId and userId",
            ofType("TRTC", d -> d.putObject("trtcParam").put("sdkAppId", 1).put("roomId", 5).put("userId", "u")
                .put("userSig", "s1")),
            ofType("TRTC", d -> d.putObject("trtcParam").put("sdkAppId", 1).put("roomId", 5).put("userId", "u")
                .put("userSig", "s2")), true),
        Arguments.of("TRTC roomId 5 is not strRoomId 5",
            ofType("TRTC", d -> d.putObject("trtcParam").put("sdkAppId", 1).put("roomId", 5).put("userId", "u")
                .put("userSig", "s")),
            ofType("TRTC", d -> d.putObject("trtcParam").put("sdkAppId", 1).put("strRoomId", "5").put("userId", "u")
                .put("userSig", "s")), false),
        Arguments.of("ZEGO same streamId, new token",
            ofType("ZEGO", d -> d.putObject("zegoParam").put("streamId", "s").put("tokenId", "t1")),
            ofType("ZEGO", d -> d.putObject("zegoParam").put("streamId", "s").put("tokenId", "t2")), true),
        Arguments.of("ZEGO same roomId without streamId",
            ofType("ZEGO", d -> d.putObject("zegoParam").put("roomId", "r").put("tokenId", "t1")),
            ofType("ZEGO", d -> d.putObject("zegoParam").put("roomId", "r").put("tokenId", "t2")), true),
        Arguments.of("VOLC same appId and roomId, other user",
            ofType("VOLC", d -> d.putObject("volcParam").put("appId", "a").put("roomId", "r").put("userId", "u1")
                .put("token", "t")),
            ofType("VOLC", d -> d.putObject("volcParam").put("appId", "a").put("roomId", "r").put("userId", "u2")
                .put("token", "t")), true),
        Arguments.of("ALI same room, new token",
            ofType("ALI", d -> d.putObject("aliParam").put("room", "r").put("token", "t1")),
            ofType("ALI", d -> d.putObject("aliParam").put("room", "r").put("token", "t2")), true),
        Arguments.of("same url but another stream type",
            ofType("NORMAL", d -> {}),
            ofType("ALI", d -> d.put("url", "rtmp://live.test/live/a").putObject("aliParam").put("room", "r")
                .put("token", "t")), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void aSecondSubmitIsADuplicateExactlyWhenItsDedupKeyMatches(
      String name, ObjectNode first, ObjectNode second, boolean duplicate) {
    String running = fixture.submit(first).requestId();

    var outcome = fixture.submit(second);

    assertThat(outcome.code()).as(outcome.reason()).isEqualTo(1100);
    if (duplicate) {
      assertThat(outcome.dupRequestId()).isEqualTo(running);
    } else {
      assertThat(outcome.dupRequestId()).isNull();
      assertThat(outcome.requestId()).isNotEqualTo(running);
    }
  }
}
