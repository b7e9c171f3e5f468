package io.github.deepcleermock.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The packaged specs and their reference page, served from the jar, offline, without the admin token. */
class SpecServedAcceptanceTest {

  private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
  private static final Pattern SPEC_URL = Pattern.compile("url: \"([^\"]+)\"");

  private static DeepCleerMock mock;
  private static AdminClient admin;

  @BeforeAll
  static void start() {
    // With a token: everything here must be readable without it.
    mock = DeepCleerMock.builder().adminToken("s3cret").start();
    admin = AdminClient.of(mock.baseUrl(), null);
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  @Test
  void bothSpecsAreServedExactlyAsTheApiSpecJarPackagesThem() throws IOException {
    for (String name : List.of("openapi.yaml", "admin-openapi.yaml")) {
      AdminClient.Reply reply = admin.get("/__admin/" + name);

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/yaml");
      assertThat(reply.body()).isEqualTo(packaged("deepcleer/videostream/v4/" + name)).startsWith("openapi: 3");
    }
  }

  @Test
  void theReferencePageLoadsEveryAssetAndBothSpecsFromTheMockItself() throws Exception {
    AdminClient.Reply page = admin.get("/__admin/docs/index.html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html");
    assertThat(admin.raw("GET", "/__admin/docs/", null, null).body()).isEqualTo(page.body());

    List<String> assets = all(ASSET, page.body());
    assertThat(assets)
        .contains("swagger-ui/swagger-ui-bundle.js", "swagger-ui/swagger-ui.css", "reference.js")
        .allSatisfy(asset -> assertThat(asset).doesNotContain("//").doesNotStartWith("/"));
    for (String asset : assets) {
      HttpResponse<byte[]> loaded = get(mock.baseUrl() + "/__admin/docs/" + asset);
      assertThat(loaded.statusCode()).as(asset).isEqualTo(200);
      assertThat(loaded.body().length).as(asset).isPositive();
    }
    String script = new String(get(mock.baseUrl() + "/__admin/docs/reference.js").body(), StandardCharsets.UTF_8);
    assertThat(script).contains("validatorUrl: null", "supportedSubmitMethods: []");
    List<String> specs = all(SPEC_URL, script);
    assertThat(specs).containsExactly("../openapi.yaml", "../admin-openapi.yaml");
    for (String spec : specs) {
      URI resolved = URI.create(mock.baseUrl() + "/__admin/docs/").resolve(spec);
      assertThat(get(resolved.toString()).statusCode()).as(spec).isEqualTo(200);
    }
  }

  @Test
  void theBundleIsServedAsJavaScriptAndUnknownAssetsAre404() throws Exception {
    HttpResponse<byte[]> bundle = get(mock.baseUrl() + "/__admin/docs/swagger-ui/swagger-ui-bundle.js");
    assertThat(bundle.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=utf-8");

    assertThat(get(mock.baseUrl() + "/__admin/docs/swagger-ui/nothing.js").statusCode()).isEqualTo(404);
    assertThat(get(mock.baseUrl() + "/__admin/docs/swagger-ui/..%2F..%2Fpom.xml").statusCode()).isEqualTo(404);
  }

  @Test
  void docsWithoutSlashRedirectsToThePage() throws Exception {
    HttpResponse<byte[]> reply = get(mock.baseUrl() + "/__admin/docs");
    assertThat(reply.statusCode()).isEqualTo(302);
    assertThat(reply.headers().firstValue("Location")).hasValue("/__admin/docs/");
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private static String packaged(String resource) throws IOException {
    try (InputStream in = SpecServedAcceptanceTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static HttpResponse<byte[]> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
