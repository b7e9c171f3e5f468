package io.github.deepcleermock.mock.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import io.github.deepcleermock.mock.admin.AdminClient;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dashboard's files over real HTTP: served from the jar, self-contained (offline), outside the token's reach. */
class DashboardFilesAcceptanceTest {

  @RegisterExtension
  static final DeepCleerMockExtension guarded =
      DeepCleerMockExtension.newInstance().configure(builder -> builder.adminToken("s3cret"));

  private static final OpenApiInteractionValidator SPEC =
      OpenApiInteractionValidator.createForSpecificationUrl(AdminClient.SPEC).build();

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  @Test
  void thePageLoadsWithoutTheAdminTokenButItsDataDoesNot() throws Exception {
    HttpResponse<String> page = get("/__admin/ui/");
    HttpResponse<String> data = get("/__admin/requests");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
    assertThat(page.body()).contains("<title>DeepCleer mock dashboard</title>");
    assertThat(data.statusCode()).isEqualTo(401);
  }

  @Test
  void theBarePathRedirectsUnderTheSlashWhereRelativeLinksResolve() throws Exception {
    HttpResponse<String> bare = get("/__admin/ui");

    assertThat(bare.statusCode()).isEqualTo(302);
    assertThat(bare.headers().firstValue("Location")).hasValue("/__admin/ui/");
  }

  @Test
  void everyFileThePageLinksIsServedFromTheMockItselfWithItsContentType() throws Exception {
    String page = get("/__admin/ui/").body();
    Matcher links = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page);
    List<String> linked = links.results().map(m -> m.group(1)).toList();

    assertThat(linked).containsExactlyInAnyOrder("favicon.svg", "dashboard.css", "dashboard.js");
    assertThat(get("/__admin/ui/dashboard.js").headers().firstValue("Content-Type"))
        .hasValue("text/javascript;charset=utf-8");
    assertThat(get("/__admin/ui/dashboard.css").headers().firstValue("Content-Type"))
        .hasValue("text/css;charset=utf-8");
    assertThat(get("/__admin/ui/favicon.svg").headers().firstValue("Content-Type")).hasValue("image/svg+xml");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/__admin/ui/", "/__admin/ui/dashboard.js", "/__admin/ui/dashboard.css"})
  void noFileReachesBeyondTheMockSoTheDashboardWorksOffline(String path) throws Exception {
    HttpResponse<String> file = get(path);

    // No CDN, no web font, no absolute URL of any kind: everything comes from the mock's jar.
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).doesNotContainPattern("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}");
    assertThat(file.body()).doesNotContain("@import", "url(");
  }

  @Test
  void everyFileCarriesAPolicyThatAllowsOnlyTheMocksOwnScriptsAndNoFraming() throws Exception {
    HttpResponse<String> page = get("/__admin/ui/");

    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
        .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval"));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @ParameterizedTest
  @ValueSource(strings = {"secret.txt", "DashboardRoutes.class", "package-info.java"})
  void aFileThatIsNotPartOfTheDashboardIs404InTheAdminErrorShape(String file) throws Exception {
    HttpResponse<String> missing = get("/__admin/ui/" + file, "Bearer s3cret");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("{\"error\":\"file: no such dashboard file\"}");
    assertThat(conformsToTheAdminSpec("/__admin/ui/" + file, missing)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/__admin/ui/secret.txt", "/__admin/ui/../requests", "/__admin/ui/%2e%2e/requests", "/__admin/ui/..%2Frequests",
      "/__admin/ui//../requests", "/__admin/ui/;/../requests", "/__admin/ui/a/../../requests"})
  void aPathUnderTheDashboardThatIsNotOneOfItsFilesNeedsTheToken(String path) throws Exception {
    HttpResponse<String> answer = get(path);

    // Only the exact file names skip the token check: a path that merely starts there leads nowhere without it.
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).startsWith("{\"error\":\"").doesNotContain("\"requests\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"index.html", "dashboard.js", "dashboard.css", "favicon.svg"})
  void everyFileIsServedAsTheAdminSpecDescribesIt(String file) throws Exception {
    HttpResponse<String> answer = get("/__admin/ui/" + file);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(conformsToTheAdminSpec("/__admin/ui/" + file, answer)).isEmpty();
  }

  private static List<String> conformsToTheAdminSpec(String path, HttpResponse<String> answer) {
    var response = SimpleResponse.Builder.status(answer.statusCode())
        .withContentType(answer.headers().firstValue("Content-Type").orElse(null))
        .withBody(answer.body())
        .build();
    return SPEC.validateResponse(path, Request.Method.GET, response).getMessages().stream()
        .map(Object::toString).toList();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return get(path, null);
  }

  private static HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(guarded.baseUrl() + path))
        .timeout(Duration.ofSeconds(10)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
