package io.github.deepcleermock.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@code java.net.http} client for the close endpoint that checks every answer the way a strict vendor client
 * would: HTTP 200, {@code application/json}, exactly {@code {requestId, code, message}} with a fresh
 * 32-lowercase-hex requestId, valid against the spec, and an ASCII {@code X-Mock-Reason} when there is one.
 */
final class CloseClient {

  static final String JSON_TYPE = "application/json";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Every answer id seen in this JVM: a repeat would not be fresh. */
  private static final Set<String> SEEN_IDS = ConcurrentHashMap.newKeySet();

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  CloseClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** An answer that passed every check. */
  record Answer(HttpResponse<String> response, String requestId, int code, String message) {

    /** The X-Mock-Reason header, or null. */
    String reason() {
      return response.headers().firstValue(VendorEndpoint.REASON_HEADER).orElse(null);
    }
  }

  Answer close(String accessKey, String requestId) {
    ObjectNode body = JSON.createObjectNode().put("accessKey", accessKey).put("requestId", requestId);
    return close(body.toString());
  }

  Answer close(String json) {
    return checked(post(VendorEndpoint.CLOSE_PATH, "application/json", json.getBytes(StandardCharsets.UTF_8)));
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
  }

  HttpResponse<String> post(String path, String contentType, byte[] body) {
    HttpRequest.Builder builder = request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder.build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpClient http() {
    return http;
  }

  /** Runs every check on a close answer and returns it parsed. */
  static Answer checked(HttpResponse<String> response) {
    assertThat(response.statusCode()).as("HTTP status of %s", response.body()).isEqualTo(200);
    assertThat(response.headers().allValues("Content-Type")).containsExactly(JSON_TYPE);
    VendorContract.assertValidResponse(response);
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("answer is not JSON: " + response.body(), e);
    }
    assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("requestId", "code", "message");
    assertThat(body.get("requestId").isTextual()).isTrue();
    assertThat(body.get("code").isInt()).isTrue();
    assertThat(body.get("message").isTextual()).isTrue();
    String id = body.get("requestId").asText();
    assertThat(id).matches("[0-9a-f]{32}");
    assertThat(SEEN_IDS.add(id)).as("answer id %s is fresh", id).isTrue();
    int code = body.get("code").asInt();
    if (code != 1100) {
      assertThat(response.headers().firstValue(VendorEndpoint.REASON_HEADER))
          .as("every answer other than 1100 explains itself").isPresent();
    }
    response.headers().firstValue(VendorEndpoint.REASON_HEADER)
        .ifPresent(reason -> assertThat(reason).matches("[\\x20-\\x7E]+"));
    assertThat(response.headers().allValues(VendorEndpoint.REASON_HEADER)).hasSizeLessThanOrEqualTo(1);
    return new Answer(response, id, code, body.get("message").asText());
  }
}
