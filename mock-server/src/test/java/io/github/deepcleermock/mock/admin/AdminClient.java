package io.github.deepcleermock.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A test client for a running mock over real HTTP that checks every admin exchange against
 * {@code admin-openapi.yaml}: each response always, each request unless the test sends it to be refused.
 *
 * <p>The validator keeps its defaults, so a response field the spec does not declare fails the test too: the
 * mock must not grow an undocumented field.
 */
public final class AdminClient {

  /** The spec exactly as the api-spec jar ships it. */
  public static final String SPEC = "deepcleer/videostream/v4/admin-openapi.yaml";

  private static final ObjectMapper JSON = new ObjectMapper();
  // Loading and resolving the spec takes a while; the validator is immutable, so the test JVM shares one.
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForSpecificationUrl(SPEC).build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final Supplier<String> baseUrl;
  private final String token;

  private AdminClient(Supplier<String> baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** A client for {@code mock} without an admin token. */
  public static AdminClient of(DeepCleerMock mock) {
    String baseUrl = mock.baseUrl();
    return new AdminClient(() -> baseUrl, null);
  }

  /**
   * A client without an admin token for the mock {@code deepcleer} runs, looked up at each request: a static field
   * can hold it although the extension starts the mock only before the first test.
   */
  public static AdminClient of(DeepCleerMockExtension deepcleer) {
    return new AdminClient(deepcleer::baseUrl, null);
  }

  /** A client for the mock at {@code baseUrl} that sends {@code Authorization: Bearer token} (null: none). */
  public static AdminClient of(String baseUrl, String token) {
    return new AdminClient(() -> baseUrl, token);
  }

  /** How the request itself must look to the spec. */
  public enum Sent {
    /** A request the spec allows: it must pass request validation. */
    VALID,
    /** A request the test sends to be refused: only the response is checked. */
    ANY
  }

  public Reply get(String pathAndQuery) {
    return send("GET", pathAndQuery, null, Sent.VALID);
  }

  public Reply post(String pathAndQuery, String body) {
    return send("POST", pathAndQuery, body, Sent.VALID);
  }

  public Reply put(String pathAndQuery, String body) {
    return send("PUT", pathAndQuery, body, Sent.VALID);
  }

  public Reply delete(String pathAndQuery) {
    return send("DELETE", pathAndQuery, null, Sent.VALID);
  }

  /** Sends a request the test expects to be refused; the answer is still validated. */
  public Reply sendBad(String method, String pathAndQuery, String body) {
    return send(method, pathAndQuery, body, Sent.ANY);
  }

  /** Sends an admin request and validates the exchange against the admin spec. */
  public Reply send(String method, String pathAndQuery, String body, Sent sent) {
    Reply reply = raw(method, pathAndQuery, body, token);
    String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
    Request.Method verb = Request.Method.valueOf(method);
    if (sent == Sent.VALID) {
      assertValid("request " + method + " " + pathAndQuery, VALIDATOR.validateRequest(request(verb, pathAndQuery, body)));
    }
    SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status());
    reply.headers().firstValue("Content-Type").ifPresent(response::withContentType);
    reply.headers().map().forEach((name, values) -> response.withHeader(name, values));
    if (!reply.body().isEmpty()) {
      response.withBody(reply.body());
    }
    assertValid(
        "response " + reply.status() + " to " + method + " " + pathAndQuery + ": " + reply.body(),
        VALIDATOR.validateResponse(path, verb, response.build()));
    return reply;
  }

  /** Sends any request without validation (for paths the spec does not describe, and the vendor endpoint). */
  public Reply raw(String method, String pathAndQuery, String body, String bearer) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl.get() + pathAndQuery))
            .timeout(Duration.ofSeconds(10))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Closes a stream through the vendor endpoint and answers the parsed body (code, message, requestId). */
  public Reply close(String accessKey, String requestId) {
    return raw("POST", "/finish_videostream/v4", json(Map.of("accessKey", accessKey, "requestId", requestId)), null);
  }

  /** The code of a vendor close answer. */
  public int closeCode(String accessKey, String requestId) {
    Reply reply = close(accessKey, requestId);
    assertThat(reply.status()).as("HTTP status of the close answer").isEqualTo(200);
    return reply.json().path("code").asInt();
  }

  /** JSON text of a map or list (test bodies). */
  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Request request(Request.Method method, String pathAndQuery, String body) {
    int query = pathAndQuery.indexOf('?');
    String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    SimpleRequest.Builder request = new SimpleRequest.Builder(method, decode(path));
    if (query >= 0) {
      for (String pair : pathAndQuery.substring(query + 1).split("&")) {
        int eq = pair.indexOf('=');
        request.withQueryParam(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    if (body != null) {
      request.withContentType("application/json").withBody(body);
    }
    return request.build();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static void assertValid(String what, ValidationReport report) {
    assertThat(report.hasErrors())
        .as("%s%nviolates admin-openapi.yaml:%n%s", what, SimpleValidationReportFormat.getInstance().apply(report))
        .isFalse();
  }

  /**
   * An HTTP answer.
   *
   * @param status HTTP status
   * @param body body text (empty when none)
   * @param headers response headers
   */
  public record Reply(int status, String body, HttpHeaders headers) {

    /** The body parsed as JSON. */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    /** The {@code error} text of an error answer. */
    public String error() {
      return json().path("error").asText();
    }

    /** The field an error answer names (the part before the first ": "). */
    public String errorField() {
      String error = error();
      int colon = error.indexOf(": ");
      return colon < 0 ? error : error.substring(0, colon);
    }

    /** Elements of a top-level array field, e.g. {@code items("accounts")}. */
    public List<JsonNode> items(String field) {
      JsonNode array = json().path(field);
      assertThat(array.isArray()).as("%s is an array in %s", field, body).isTrue();
      return java.util.stream.StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** The string values of {@code field} across {@link #items(String) items(list)}. */
    public List<String> texts(String list, String field) {
      return items(list).stream().map(item -> item.path(field).asText()).toList();
    }
  }
}
