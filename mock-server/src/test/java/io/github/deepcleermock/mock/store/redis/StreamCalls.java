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

/** Submits and closes streams on a mock's vendor endpoints and reads whole answers, plus admin GETs. */
final class StreamCalls {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  /** One answer: HTTP status, body and {@code X-Mock-Reason}. */
  record Answer(int status, JsonNode body, String reason) {
    int code() {
      return body.path("code").asInt(-1);
    }

    String requestId() {
      return body.path("requestId").asText(null);
    }
  }

  /** A submit of {@code url} for {@code accessKey} whose callbacks go to {@code callback}; data fields added. */
  Answer submit(String baseUrl, String accessKey, String url, String callback, String... dataFields) {
    ObjectNode body = JSON.createObjectNode()
        .put("accessKey", accessKey).put("appId", "defaulttest").put("eventId", "VIDEOSTREAM")
        .put("imgType", "POLITY_EROTIC").put("audioType", "NONE").put("imgCallback", callback);
    ObjectNode data = body.putObject("data").put("streamType", "NORMAL").put("url", url).put("tokenId", "t-1");
    for (int i = 0; i + 1 < dataFields.length; i += 2) {
      data.put(dataFields[i], Integer.parseInt(dataFields[i + 1]));
    }
    return post(baseUrl + "/videostream/v4", body.toString());
  }

  Answer close(String baseUrl, String accessKey, String requestId) {
    return post(
        baseUrl + "/finish_videostream/v4",
        JSON.createObjectNode().put("accessKey", accessKey).put("requestId", requestId).toString());
  }

  Answer get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build());
  }

  Answer post(String url, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(
          response.statusCode(),
          JSON.readTree(response.body()),
          response.headers().firstValue("X-Mock-Reason").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
