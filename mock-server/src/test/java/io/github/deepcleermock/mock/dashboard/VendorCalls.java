package io.github.deepcleermock.mock.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The traffic the dashboard is watching: submit and close calls as a client under test would send them. */
final class VendorCalls {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private VendorCalls() {}

  /** Closes a stream and answers the result code. */
  static int close(String baseUrl, String accessKey, String requestId) {
    return closeWithBody(baseUrl, JSON.createObjectNode().put("accessKey", accessKey).put("requestId", requestId)
        .toString());
  }

  /** Sends this body to the close endpoint and answers the result code. */
  static int closeWithBody(String baseUrl, String body) {
    return post(baseUrl + "/finish_videostream/v4", body).get("code").asInt();
  }

  /**
   * Submits a NORMAL stream of {@code url} whose image results go to {@code imgCallback} (images only, no end
   * callback) and answers the vendor's answer.
   */
  static JsonNode submit(String baseUrl, String accessKey, String url, String imgCallback) {
    ObjectNode body = JSON.createObjectNode()
        .put("accessKey", accessKey)
        .put("appId", "defaulttest")
        .put("eventId", "VIDEOSTREAM")
        .put("imgType", "POLITY_EROTIC")
        .put("imgCallback", imgCallback);
    body.putObject("data").put("streamType", "NORMAL").put("url", url).put("tokenId", "user-1");
    return post(baseUrl + "/videostream/v4", body.toString());
  }

  private static JsonNode post(String url, String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    try {
      return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
