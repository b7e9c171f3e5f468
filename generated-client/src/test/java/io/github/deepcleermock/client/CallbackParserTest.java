package io.github.deepcleermock.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.deepcleermock.client.model.RiskLevel;
import org.junit.jupiter.api.Test;

/** Bodies shaped like the vendor's examples become the right model. */
class CallbackParserTest {

  @Test
  void aStatCodeOneBodyIsAStreamEndWithItsEchoedParams() {
    ReceivedCallback parsed = CallbackParser.parse(
        "{\"code\":1100,\"message\":\"Success\",\"requestId\":\"5515ce1f9b474a6c4a3d79a8dfcaeaf4\",\"statCode\":1,"
            + "\"contentType\":1,\"riskLevel\":\"REJECT\",\"pullStreamSuccess\":true,\"auxInfo\":{\"streamTime\":70,"
            + "\"passThrough\":{\"orderId\":\"o-1\"}},\"detail\":{\"requestParams\":{\"url\":\"rtmp://x\"}}}");

    assertThat(parsed).isInstanceOf(ReceivedCallback.StreamEnd.class);
    var end = ((ReceivedCallback.StreamEnd) parsed).body();
    assertThat(end.getRiskLevel()).isEqualTo(RiskLevel.REJECT);
    assertThat(end.getAuxInfo().getStreamTime()).isEqualTo(70L);
    assertThat(end.getAuxInfo().getPassThrough()).containsEntry("orderId", "o-1");
    assertThat(end.getDetail().getRequestParams()).containsEntry("url", "rtmp://x");
  }

  @Test
  void aFrameResultWithoutStatCodeIsKnownByItsContentType() {
    ReceivedCallback parsed = CallbackParser.parse(
        "{\"code\":1100,\"message\":\"Success\",\"requestId\":\"1639824316368_vs130_1234567890123456789\","
            + "\"contentType\":1,\"frameDetail\":{\"imgUrl\":\"http://x/1.png\",\"riskLevel\":\"REVIEW\","
            + "\"riskLabel1\":\"ad\",\"riskLabel2\":\"\",\"riskLabel3\":\"\",\"riskDescription\":\"Ad\","
            + "\"riskDetail\":{\"riskSource\":1002},\"auxInfo\":{\"imgTime\":\"2021-12-18 19:00:48.375\","
            + "\"detectType\":1}},\"auxInfo\":{\"passThrough\":{\"k\":\"v\"}},\"newVendorField\":1}");

    assertThat(parsed).isInstanceOf(ReceivedCallback.FrameResult.class);
    var frame = ((ReceivedCallback.FrameResult) parsed).body();
    assertThat(frame.getStatCode()).isNull();
    assertThat(frame.getFrameDetail().getRiskLevel()).isEqualTo(RiskLevel.REVIEW);
    assertThat(frame.getFrameDetail().getAuxInfo().getImgTime()).isEqualTo("2021-12-18 19:00:48.375");
  }

  @Test
  void aContentTypeTwoResultIsAnAudioResult() {
    ReceivedCallback parsed = CallbackParser.parse(
        "{\"code\":1100,\"message\":\"Success\",\"requestId\":\"x_3\",\"statCode\":0,\"contentType\":2,"
            + "\"audioDetail\":{\"audioUrl\":\"http://x/3.wav\",\"riskLevel\":\"PASS\",\"riskLabel1\":\"normal\","
            + "\"riskLabel2\":\"\",\"riskLabel3\":\"\",\"riskDescription\":\"Normal\",\"riskDetail\":"
            + "{\"riskSource\":1000,\"audioText\":\"hi\"},\"vadCode\":1,\"content\":\"hi\",\"auxInfo\":"
            + "{\"audioStartTime\":\"2021-12-18 19:00:40\",\"audioEndTime\":\"2021-12-18 19:00:50\"}},"
            + "\"requestParams\":{\"room\":\"r\"}}");

    assertThat(parsed).isInstanceOf(ReceivedCallback.AudioResult.class);
    assertThat(((ReceivedCallback.AudioResult) parsed).body().getAudioDetail().getContent()).isEqualTo("hi");
  }

  @Test
  void somethingElseIsRefusedWithAReason() {
    assertThatIllegalArgumentException().isThrownBy(() -> CallbackParser.parse("{\"contentType\":3}"))
        .withMessageContaining("neither");
    assertThatIllegalArgumentException().isThrownBy(() -> CallbackParser.parse("not json"))
        .withMessageStartingWith("callback body is not JSON");
    assertThatIllegalArgumentException().isThrownBy(() -> CallbackParser.parse("[1]"))
        .withMessage("callback body is not a JSON object");
  }
}
