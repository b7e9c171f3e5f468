package io.github.deepcleermock.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.callbacks.CallbackReceiver;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import io.github.deepcleermock.mock.streams.StreamSpec;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Content-Type on the wire is exactly, character for character, the media type the specs declare: what an
 * independent conformance tool that compares headers literally checks (it failed on
 * {@code application/json;charset=utf-8} against the spec's {@code application/json}).
 */
class ContentTypeAgreementTest {

  private static final String DASHBOARD_FILES = "/__admin/ui/{file}";

  @RegisterExtension
  static final DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance();

  @Test
  void closeAnswerSendsExactlyTheSpecsMediaType(DeepCleerMock mock) throws Exception {
    String declared = onlyMediaType(spec("openapi.yaml").at("/paths/~1finish_videostream~1v4/post/responses/200"));
    CloseClient client = new CloseClient(mock.baseUrl());

    HttpResponse<String> documented = client.post(VendorEndpoint.CLOSE_PATH, "application/json",
        "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"1639824316368\"}".getBytes());
    HttpResponse<String> refused = client.post(VendorEndpoint.CLOSE_PATH, "application/json", "{}".getBytes());

    assertThat(documented.headers().allValues("Content-Type")).containsExactly(declared);
    assertThat(refused.headers().allValues("Content-Type")).containsExactly(declared);
  }

  @Test
  void everyAdminAnswerSendsExactlyTheAdminSpecsMediaType(DeepCleerMock mock) throws Exception {
    JsonNode admin = spec("admin-openapi.yaml");
    ((com.fasterxml.jackson.databind.node.ObjectNode) admin.get("paths")).remove(DASHBOARD_FILES); // see below
    List<String> declared = new ArrayList<>();
    admin.findValues("content").forEach(content -> content.fieldNames().forEachRemaining(declared::add));
    // JSON everywhere but the surfaces other tools read: the CA in PEM, Prometheus text, the specs, the page.
    assertThat(declared).as("every body in admin-openapi.yaml").isNotEmpty().containsOnly("application/json",
        "application/x-pem-file", "text/plain; version=0.0.4; charset=utf-8", "application/yaml", "text/html");
    CloseClient client = new CloseClient(mock.baseUrl());
    for (String path : List.of("/__admin/metrics", "/__admin/openapi.yaml", "/__admin/docs/index.html")) {
      String media = onlyMediaType(admin.at("/paths/" + path.replace("/", "~1") + "/get/responses/200"));
      assertThat(client.send(client.request(path).GET().build()).headers().allValues("Content-Type"))
          .as(path).containsExactly(media);
    }

    HttpResponse<String> health = client.send(client.request("/__admin/health").GET().build());
    HttpResponse<String> error = client.send(client.request("/__admin/streams")
        .POST(HttpRequest.BodyPublishers.ofString("{\"requestId\":1}")).build());

    assertThat(health.headers().allValues("Content-Type")).containsExactly("application/json");
    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.headers().allValues("Content-Type")).containsExactly("application/json");
  }

  /** The dashboard's files are the admin API's only bodies that are not JSON: each is sent as declared. */
  @Test
  void everyDashboardFileSendsExactlyOneOfTheMediaTypesItsOperationDeclares(DeepCleerMock mock) throws Exception {
    JsonNode operation = spec("admin-openapi.yaml").path("paths").path(DASHBOARD_FILES).path("get");
    List<String> declared = new ArrayList<>();
    operation.at("/responses/200/content").fieldNames().forEachRemaining(declared::add);
    List<String> files = new ArrayList<>();
    operation.at("/parameters/0/schema/enum").forEach(file -> files.add(file.asText()));
    CloseClient client = new CloseClient(mock.baseUrl());

    List<String> sent = new ArrayList<>();
    for (String file : files) {
      HttpResponse<String> answer = client.send(client.request("/__admin/ui/" + file).GET().build());
      assertThat(answer.headers().allValues("Content-Type")).as(file).hasSize(1);
      sent.add(answer.headers().firstValue("Content-Type").orElseThrow());
    }
    HttpResponse<String> missing = client.send(client.request("/__admin/ui/nothing.txt").GET().build());

    assertThat(files).isNotEmpty();
    assertThat(sent).containsExactlyInAnyOrderElementsOf(declared);
    assertThat(missing.headers().allValues("Content-Type")).containsExactly("application/json");
  }

  @Test
  void endCallbackSendsExactlyTheMediaTypeOfTheVendorsJson(DeepCleerMock mock) throws Exception {
    // The vendor documents callbacks as JSON like its requests (U18); the spec's request media type is the one.
    String declared = onlyMediaType(spec("openapi.yaml").at("/paths/~1finish_videostream~1v4/post/requestBody"));
    try (CallbackReceiver receiver = CallbackReceiver.start()) {
      mock.streams().open(new StreamSpec("r1", "YOUR_ACCESS_KEY", List.of(), receiver.url("/img"), null, 1, null));
      new CloseClient(mock.baseUrl()).close("YOUR_ACCESS_KEY", "r1");
      mock.awaitCallbacksIdle(Duration.ofSeconds(10));

      assertThat(receiver.received()).singleElement()
          .satisfies(got -> assertThat(got.contentType()).isEqualTo(declared));
    }
  }

  private static String onlyMediaType(JsonNode withContent) {
    List<String> types = new ArrayList<>();
    withContent.path("content").fieldNames().forEachRemaining(types::add);
    assertThat(types).hasSize(1);
    return types.get(0);
  }

  private static JsonNode spec(String name) throws Exception {
    try (InputStream in = ContentTypeAgreementTest.class.getClassLoader()
        .getResourceAsStream("deepcleer/videostream/v4/" + name)) {
      assertThat(in).as(name + " on the classpath").isNotNull();
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }
}
