package io.github.deepcleermock.mock.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.callbacks.CallbackAttempt;
import io.github.deepcleermock.mock.callbacks.CallbackKind;
import io.github.deepcleermock.mock.callbacks.CallbackReceiver;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import io.github.deepcleermock.mock.time.MockClock;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The links in result callbacks resolve to generated media; --time-scale speeds streams up but not the limiter. */
class MediaAndTimeScaleAcceptanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final CallbackReceiver receiver = CallbackReceiver.start();
  private DeepCleerMock mock;

  @AfterEach
  void stop() {
    if (mock != null) {
      mock.close();
    }
    receiver.close();
  }

  private void seed(String requestId, String data) throws Exception {
    mock.streams().open(new StreamSpec(requestId, "key-1", List.of(), receiver.url("/img"), receiver.url("/audio"),
        1, (ObjectNode) JSON.readTree(data)));
  }

  private static HttpResponse<byte[]> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void theImgUrlOfARejectedFrameIsARedPictureAndTheAudioUrlAWavOfTenSeconds() throws Exception {
    mock = DeepCleerMock.builder().clock(new MockClock()).account(Account.of("key-1")).start();
    seed("r 1", "{\"url\":\"rtmp://x/mock-reject-at-3\",\"returnAllText\":1}");
    mock.clock().advance(Duration.ofSeconds(10));
    mock.awaitCallbacksIdle(Duration.ofSeconds(10));

    CallbackAttempt frame = mock.callbacks().awaitCallback("r 1", 1, Duration.ofSeconds(10));
    String imgUrl = frame.payload().path("frameDetail").path("imgUrl").asText();
    assertThat(imgUrl).isEqualTo(mock.baseUrl() + "/__media/streams/r%201/frames/1.png");
    HttpResponse<byte[]> png = get(imgUrl);
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
    assertThat(image.getWidth()).isEqualTo(320);
    assertThat(image.getRGB(2, 2) & 0xFFFFFF).as("REJECT red").isEqualTo(0xC62828);
    assertThat(ImageIO.read(new ByteArrayInputStream(get(imgUrl.replace("/1.png", "/0.png")).body())).getRGB(2, 2)
        & 0xFFFFFF).as("PASS green").isEqualTo(0x2E7D32);

    CallbackAttempt segment = mock.callbacks().awaitCallback("r 1", 2, Duration.ofSeconds(10));
    assertThat(segment.kind()).isEqualTo(CallbackKind.AUDIO_RESULT);
    HttpResponse<byte[]> wav = get(segment.payload().path("audioDetail").path("audioUrl").asText());
    assertThat(wav.statusCode()).isEqualTo(200);
    try (AudioInputStream audio = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav.body()))) {
      assertThat(audio.getFrameLength() / audio.getFormat().getFrameRate()).isEqualTo(10f);
    }
    assertThat(get(mock.baseUrl() + "/__media/streams/nope/frames/1.png").statusCode()).isEqualTo(404);
    assertThat(get(mock.baseUrl() + "/__media/streams/r%201/frames/x.png").statusCode()).isEqualTo(404);
  }

  @Test
  void atTimeScaleTenASixtySecondStreamEndsAfterSixSecondsWhileTheQpsLimitStaysRealTime() throws Exception {
    mock = DeepCleerMock.builder().clock(new MockClock()).timeScale(10)
        .account(new Account("key-1", 1, 100, java.util.Set.of(Account.FINISH), false)).start();
    seed("r1", "{\"url\":\"rtmp://x/mock-end-at-60\"}");

    mock.clock().advance(Duration.ofMillis(5_900));
    assertThat(mock.streams().find("r1").orElseThrow().state()).isEqualTo(StreamState.ACTIVE);
    mock.clock().advance(Duration.ofMillis(100));
    mock.awaitCallbacksIdle(Duration.ofSeconds(10));

    assertThat(mock.streams().find("r1").orElseThrow().state()).isEqualTo(StreamState.ENDED);
    CallbackAttempt end = mock.callbacks().awaitCallback("r1", 1, Duration.ofSeconds(10));
    assertThat(end.payload().path("auxInfo").path("streamTime").asLong()).isEqualTo(60);
    // qps 1: one close per real second, whatever the time scale.
    assertThat(closeCode("x1")).isEqualTo(1100);
    assertThat(closeCode("x2")).isEqualTo(1901);
    mock.clock().advance(Duration.ofMillis(200));
    assertThat(closeCode("x3")).as("a tenth of a real second refills nothing").isEqualTo(1901);
  }

  private int closeCode(String requestId) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(mock.baseUrl()
            + "/finish_videostream/v4")).POST(HttpRequest.BodyPublishers.ofString(
            "{\"accessKey\":\"key-1\",\"requestId\":\"" + requestId + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body()).path("code").asInt();
  }
}
