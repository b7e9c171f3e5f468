package io.github.deepcleermock.mock.store.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Sends closes (and submits) to a mock's vendor endpoints and reads the code and {@code X-Mock-Reason} of each. */
final class VendorCloses {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  /** The vendor code, reason and answered requestId (a submit's task id) of one answer (HTTP 200, as the vendor). */
  record Answer(int status, int code, String reason, String requestId) {}

  Answer close(String baseUrl, String accessKey, String requestId) {
    String body = JSON.createObjectNode().put("accessKey", accessKey).put("requestId", requestId).toString();
    return post(baseUrl + "/finish_videostream/v4", body);
  }

  /** A valid submit whose callbacks would go to a closed loopback port (the test ends before any is due). */
  Answer submit(String baseUrl, String accessKey, String tokenId) {
    ObjectNode body = JSON.createObjectNode()
        .put("accessKey", accessKey).put("appId", "defaulttest").put("eventId", "VIDEOSTREAM")
        .put("imgType", "POLITY_EROTIC").put("audioType", "NONE").put("imgCallback", "http://127.0.0.1:9/img");
    body.putObject("data").put("streamType", "NORMAL").put("url", "rtmp://127.0.0.1/live/" + tokenId)
        .put("tokenId", tokenId);
    return post(baseUrl + "/videostream/v4", body.toString());
  }

  private Answer post(String url, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonNode json = JSON.readTree(response.body());
      return new Answer(
          response.statusCode(),
          json.path("code").asInt(-1),
          response.headers().firstValue("X-Mock-Reason").orElse(null),
          json.path("requestId").asText(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
