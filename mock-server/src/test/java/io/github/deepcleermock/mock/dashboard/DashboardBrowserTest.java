package io.github.deepcleermock.mock.dashboard;

import static io.github.deepcleermock.mock.dashboard.DashboardPage.cellText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.admin.AdminClient;
import io.github.deepcleermock.mock.callbacks.CallbackReceiver;
import io.github.deepcleermock.mock.faults.FaultMatch;
import io.github.deepcleermock.mock.faults.FaultRule;
import io.github.deepcleermock.mock.faults.FaultSpec;
import io.github.deepcleermock.mock.journal.JournalEntry;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import io.github.deepcleermock.mock.simulation.ScenarioMatch;
import io.github.deepcleermock.mock.simulation.ScenarioSpec;
import io.github.deepcleermock.mock.simulation.Script;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import io.github.deepcleermock.mock.time.MockClock;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard in a real headless Chromium against a mock on a free port: what a user sees and does. One browser
 * serves the class; every test leaves a screenshot in {@code target/dashboard-screenshots/}.
 */
class DashboardBrowserTest {

  private static final String KEY = "YOUR_ACCESS_KEY";

  @RegisterExtension
  static final DeepCleerMockExtension open = DeepCleerMockExtension.newInstance()
      .configure(builder -> builder.account(KEY)
          .stream(StreamSpec.builder().accessKey(KEY).requestId("1639824316368").build()));

  @RegisterExtension
  static final DeepCleerMockExtension guarded =
      DeepCleerMockExtension.newInstance().configure(builder -> builder.adminToken("s3cret"));

  /** Simulated streams on a fake clock: a test moves time, so which callbacks a script causes is exact. */
  @RegisterExtension
  static final DeepCleerMockExtension scripted =
      DeepCleerMockExtension.newInstance().configure(builder -> builder.clock(new MockClock()));

  private static final String CAMERA = "rtmp://live.example.com/live/camera-7";

  private static HeadlessChromium chromium;
  private static ChromeDriver browser;

  @BeforeAll
  static void startBrowser() {
    chromium = HeadlessChromium.start();
    browser = chromium.driver();
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @AfterEach
  void screenshot(TestInfo test) {
    chromium.screenshot(test.getTestMethod().orElseThrow().getName());
  }

  @Test
  void requestsAppearLiveWithoutReloadingThePage() {
    DashboardPage page = DashboardPage.open(browser, open.baseUrl());
    page.waitUntilEmpty("requests-table");
    browser.executeScript("window.sameDocument = true");

    assertThat(VendorCalls.close(open.baseUrl(), KEY, "1639824316368")).isEqualTo(1100);
    WebElement row = page.requestRow("1639824316368");

    assertThat(cellText(row, "c-code")).isEqualTo("1100");
    assertThat(cellText(row, "c-path")).isEqualTo("/finish_videostream/v4");
    assertThat(browser.executeScript("return window.sameDocument")).isEqualTo(true);
  }

  @Test
  void eachRequestShowsItsReasonAndTheBodyAsReceived() {
    DeepCleerMock mock = open.mock();
    VendorCalls.close(open.baseUrl(), KEY, "1639824316368");
    VendorCalls.close(open.baseUrl(), KEY, "never-opened");
    VendorCalls.close(open.baseUrl(), "unknown-key", "1639824316368");
    VendorCalls.close(open.baseUrl(), KEY, "mock-1903");
    VendorCalls.closeWithBody(open.baseUrl(), "{\"accessKey\":\"" + KEY + "\",\"requestId\":42}");
    DashboardPage page = DashboardPage.open(browser, open.baseUrl());

    page.requestRow("never-opened").click();

    WebElement detail = page.waitFor(d -> d.findElement(By.cssSelector("#requests-table tr.detail")));
    JournalEntry unknown = mock.journal().all().stream()
        .filter(e -> "never-opened".equals(e.requestId())).findFirst().orElseThrow();
    assertThat(unknown.reason()).isNotBlank();
    assertThat(detail.getText()).contains(unknown.reason());
    assertThat(detail.findElement(By.className("c-body")).getText())
        .isEqualTo("{\"accessKey\":\"" + KEY + "\",\"requestId\":\"never-opened\"}");
    assertThat(page.rowsOf("requests-table")).extracting(row -> cellText(row, "c-code"))
        .containsExactly("1902", "1903", "9101", "1100", "1100");
  }

  @Test
  void theJournalFiltersAskTheMockForMatchingRequestsOnly() {
    VendorCalls.close(open.baseUrl(), KEY, "1639824316368");
    VendorCalls.close(open.baseUrl(), KEY, "mock-1903");
    VendorCalls.close(open.baseUrl(), "other-key", "mock-1903");
    DashboardPage page = DashboardPage.open(browser, open.baseUrl());
    page.requestRow("1639824316368");

    page.type("filter-requestId", "mock-1903");
    page.waitFor(d -> page.rowsOf("requests-table").size() == 2);
    page.type("filter-code", "9101");

    page.waitFor(d -> page.rowsOf("requests-table").size() == 1);
    WebElement row = page.rowsOf("requests-table").get(0);
    assertThat(cellText(row, "c-accessKey")).isEqualTo("other-key");
    assertThat(cellText(row, "c-requestId")).isEqualTo("mock-1903");
  }

  @Test
  void aFaultAddedInTheDashboardFiresOnTheNextClose() {
    DeepCleerMock mock = open.mock();
    DashboardPage page = DashboardPage.open(browser, open.baseUrl()).tab("faults");
    page.waitUntilEmpty("faults-table");

    page.type("fault-requestId", "1639824316368");
    page.type("fault-code", "1903");
    page.type("fault-times", "1");
    page.click("fault-add");
    WebElement rule = page.waitFor(d -> page.rowsOf("faults-table").stream().findFirst().orElse(null));
    assertThat(cellText(rule, "c-match")).isEqualTo("requestId = 1639824316368");
    assertThat(mock.faults().list()).extracting(FaultRule::fired).containsExactly(0);

    assertThat(VendorCalls.close(open.baseUrl(), KEY, "1639824316368")).isEqualTo(1903);
    assertThat(VendorCalls.close(open.baseUrl(), KEY, "1639824316368")).isEqualTo(1100);

    page.waitFor(d -> cellText(page.rowsOf("faults-table").get(0), "c-fired").equals("1"));
    assertThat(cellText(page.rowsOf("faults-table").get(0), "c-remaining")).isEqualTo("0");
  }

  @Test
  void theJournalPathFilterNarrowsItToSubmitsOrToCloses() {
    try (CallbackReceiver receiver = CallbackReceiver.start()) {
      JsonNode submitted = VendorCalls.submit(open.baseUrl(), KEY, CAMERA, receiver.url("/img"));
      assertThat(submitted.path("code").asInt()).isEqualTo(1100);
      String opened = submitted.path("requestId").asText();
      assertThat(VendorCalls.close(open.baseUrl(), KEY, opened)).isEqualTo(1100);
      DashboardPage page = DashboardPage.open(browser, open.baseUrl());
      page.waitFor(d -> page.rowsOf("requests-table").size() == 2);

      page.select("filter-path", "/videostream/v4");
      page.waitFor(d -> page.rowsOf("requests-table").size() == 1);
      assertThat(cellText(page.rowsOf("requests-table").get(0), "c-path")).isEqualTo("/videostream/v4");
      page.select("filter-path", "/finish_videostream/v4");
      page.waitFor(d -> cellText(page.rowsOf("requests-table").get(0), "c-path").equals("/finish_videostream/v4"));

      assertThat(page.rowsOf("requests-table")).singleElement()
          .satisfies(row -> assertThat(cellText(row, "c-requestId")).isEqualTo(opened));
    }
  }

  @Test
  void aFaultTheApiRefusesShowsTheApisReasonAndAddsNothing() {
    DashboardPage page = DashboardPage.open(browser, open.baseUrl()).tab("faults");
    page.waitUntilEmpty("faults-table");

    page.type("fault-code", "not-a-code");
    page.click("fault-add");

    String error = page.waitFor(d -> {
      String text = d.findElement(By.id("fault-error")).getText();
      return text.isEmpty() ? null : text;
    });
    assertThat(error).startsWith("code: ");
    assertThat(browser.findElement(By.id("fault-code")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(open.mock().faults().list()).isEmpty();
  }

  @Test
  void aScenarioAddedInTheDashboardScriptsTheNextSubmittedStreamAndDeletingItStopsThat() {
    DeepCleerMock mock = scripted.mock();
    try (CallbackReceiver receiver = CallbackReceiver.start()) {
      DashboardPage page = DashboardPage.open(browser, scripted.baseUrl()).tab("scenarios");
      page.waitUntilEmpty("scenarios-table");

      page.type("scenario-url", CAMERA);
      page.type("scenario-script", "{\"frames\": [{\"at\": 3, \"riskLevel\": \"REJECT\", \"riskLabel1\": \"violence\"}]}");
      page.click("scenario-add");
      WebElement rule = page.waitFor(d -> page.rowsOf("scenarios-table").stream().findFirst().orElse(null));
      assertThat(cellText(rule, "c-match")).isEqualTo("url = " + CAMERA);
      assertThat(cellText(rule, "c-script")).isEqualTo("frame at 3 s REJECT (violence)");
      chromium.screenshot("scenarios");

      String scriptedStream = submitAndPlayTenSeconds(mock, receiver);
      assertThat(receiver.received()).singleElement().satisfies(frame -> {
        assertThat(frame.mockStream()).isEqualTo(scriptedStream);
        assertThat(frame.body().at("/frameDetail/riskLevel").asText()).isEqualTo("REJECT");
        assertThat(frame.body().at("/frameDetail/riskLabel1").asText()).isEqualTo("violence");
      });
      page.tab("streams");
      page.waitFor(d -> d.findElement(By.cssSelector("#streams-table tr[data-request-id='" + scriptedStream + "']")))
          .click();
      page.waitFor(d -> d.findElement(By.id("stream-detail")).getText().contains("\"imageRiskLevel\": \"REJECT\""));
      assertThat(VendorCalls.close(scripted.baseUrl(), KEY, scriptedStream)).isEqualTo(1100);

      page.tab("scenarios");
      page.waitFor(d -> d.findElement(By.cssSelector("#scenarios-table .scenario-delete"))).click();
      page.waitUntilEmpty("scenarios-table");
      String plainStream = submitAndPlayTenSeconds(mock, receiver);

      assertThat(receiver.received()).as("no frame result for the stream opened after the delete").hasSize(1);
      JsonNode plain = AdminClient.of(mock).get("/__admin/streams/" + plainStream).json().path("simulation");
      assertThat(plain.path("script").path("frames")).isEmpty();
      assertThat(plain.path("framesCaptured").asLong()).isEqualTo(4);
      assertThat(plain.path("imageRiskLevel").asText()).isEqualTo("PASS");
    }
  }

  /** Submits a stream of {@link #CAMERA} on the fake clock and plays its first 10 seconds (frames 0, 3, 6, 9). */
  private static String submitAndPlayTenSeconds(DeepCleerMock mock, CallbackReceiver receiver) {
    JsonNode answer = VendorCalls.submit(scripted.baseUrl(), KEY, CAMERA, receiver.url("/img"));
    assertThat(answer.path("code").asInt()).isEqualTo(1100);
    mock.clock().advance(Duration.ofSeconds(10));
    mock.awaitCallbacksIdle(Duration.ofSeconds(10));
    return answer.path("requestId").asText();
  }

  @Test
  void aScenarioTheApiRefusesShowsTheFieldItNamesAndAddsNothing() {
    DashboardPage page = DashboardPage.open(browser, open.baseUrl()).tab("scenarios");
    page.waitUntilEmpty("scenarios-table");

    page.type("scenario-room", "room-1");
    page.type("scenario-script", "{\"frames\": [{\"at\": 3, \"riskLevel\": \"TERRIBLE\"}]}");
    page.click("scenario-add");

    assertThat(page.textOnceShown("scenario-error")).startsWith("script.frames[0].riskLevel: ");
    assertThat(browser.findElement(By.id("scenario-script")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.findElement(By.id("scenario-room")).getAttribute("aria-invalid")).isEqualTo("false");
    chromium.screenshot("scenario-refused");

    page.type("scenario-script", "{\"frames\": [");
    page.click("scenario-add");
    page.waitFor(d -> d.findElement(By.id("scenario-error")).getText().startsWith("script: is not valid JSON"));
    page.type("scenario-script", "{}");
    page.click("scenario-add");

    page.waitFor(d -> d.findElement(By.id("scenario-error")).getText().isEmpty());
    assertThat(browser.findElement(By.id("scenario-script")).getAttribute("aria-invalid")).isEqualTo("false");
    assertThat(open.mock().scenarios().list()).singleElement()
        .satisfies(added -> assertThat(added.spec().match().room()).isEqualTo("room-1"));
  }

  @Test
  void deleteAllRulesInTheScenariosTabRemovesEveryScenario() {
    DeepCleerMock mock = open.mock();
    mock.scenarios().add(new ScenarioSpec(ScenarioMatch.ANY, Script.NONE));
    mock.scenarios().add(new ScenarioSpec(new ScenarioMatch(KEY, null, null, null), Script.NONE));
    DashboardPage page = DashboardPage.open(browser, open.baseUrl()).tab("scenarios");
    page.waitFor(d -> page.rowsOf("scenarios-table").size() == 2);
    assertThat(page.rowsOf("scenarios-table")).extracting(row -> cellText(row, "c-match"))
        .containsExactly("any stream", "accessKey = " + KEY);

    page.click("scenarios-clear");
    page.acceptConfirmation();

    page.waitUntilEmpty("scenarios-table");
    assertThat(mock.scenarios().list()).isEmpty();
  }

  @Test
  void deletingAScenarioAnotherClientRemovedFirstShowsTheApisNotFoundAfterTheRefresh() {
    String id = open.mock().scenarios().add(new ScenarioSpec(ScenarioMatch.ANY, Script.NONE)).id();
    DashboardPage page = DashboardPage.open(browser, open.baseUrl()).tab("scenarios");
    WebElement delete = page.waitFor(d -> d.findElement(By.cssSelector("#scenarios-table .scenario-delete")));
    // Another client deletes the rule just before the page's own DELETE reaches the mock.
    browser.executeScript("""
        const original = window.fetch;
        window.fetch = async (url, init) => {
          if (init && init.method === 'DELETE') await original(url, init);
          return original(url, init);
        };""");

    delete.click();

    page.waitUntilEmpty("scenarios-table"); // the page has refreshed after the refusal
    assertThat(page.textOnceShown("action-error")).isEqualTo("id: no such resource '" + id + "'");
    assertThat(open.mock().scenarios().list()).isEmpty();
  }

  @Test
  void resetInTheDashboardRestoresTheBaseline() {
    DeepCleerMock mock = open.mock();
    mock.faults().add(FaultSpec.code(FaultMatch.ANY, 1903));
    VendorCalls.close(open.baseUrl(), KEY, "1639824316368");
    DashboardPage page = DashboardPage.open(browser, open.baseUrl());
    page.requestRow("1639824316368");

    page.click("reset");
    page.acceptConfirmation();

    page.waitUntilEmpty("requests-table");
    assertThat(mock.journal().all()).isEmpty();
    assertThat(mock.faults().list()).isEmpty();
  }

  @Test
  void untrustedValuesRenderAsTextNeverAsMarkup() {
    String requestId = "<b id=pwned>x</b><script>";
    String accessKey = "<i id=pwned2>k</i>";
    VendorCalls.close(open.baseUrl(), accessKey, requestId);
    open.mock().streams().open(StreamSpec.builder().accessKey(KEY).requestId("<img src=x id=pwned3>").build());
    DashboardPage page = DashboardPage.open(browser, open.baseUrl());

    WebElement row = page.requestRow(requestId);
    assertThat(cellText(row, "c-requestId")).isEqualTo(requestId);
    assertThat(cellText(row, "c-accessKey")).isEqualTo(accessKey);
    row.click();
    WebElement body = page.waitFor(d -> d.findElement(By.cssSelector("#requests-table tr.detail .c-body")));
    assertThat(body.getText()).contains(requestId);
    page.tab("streams");
    page.waitFor(d -> d.findElement(By.cssSelector("#streams-table tr[data-request-id='<img src=x id=pwned3>']")))
        .click();
    WebElement stream = page.waitFor(d -> d.findElement(By.cssSelector("#stream-detail h2 .c-requestId")));
    assertThat(stream.getText()).isEqualTo("<img src=x id=pwned3>");

    assertThat(browser.findElements(By.cssSelector("#pwned, #pwned2, #pwned3"))).isEmpty();
  }

  @Test
  void aStreamShowsItsStateAndCallbackTimelineAndEndsFromTheDashboard() {
    DeepCleerMock mock = open.mock();
    try (CallbackReceiver receiver = CallbackReceiver.start()) {
      ObjectNode data = new ObjectMapper().createObjectNode();
      data.putObject("extra").putObject("passThrough").put("orderId", "o-1");
      mock.streams().open(new StreamSpec("r-ui", KEY, List.of(), receiver.url("/img"), null, 1, data));
      DashboardPage page = DashboardPage.open(browser, open.baseUrl()).tab("streams");
      page.waitFor(d -> d.findElement(By.cssSelector("#streams-table tr[data-request-id='r-ui']"))).click();
      page.waitFor(d -> d.findElement(By.id("stream-end")));

      browser.findElement(By.cssSelector("#end-kind option[value='3001']")).click();
      browser.findElement(By.id("end-pulled")).click();
      page.click("stream-end");

      WebElement attempt = page.waitFor(d -> d.findElements(By.cssSelector("#stream-detail details.callback-attempt"))
          .stream().filter(a -> a.getText().contains("DELIVERED")).findFirst().orElse(null));
      assertThat(mock.streams().find("r-ui")).hasValueSatisfying(s -> assertThat(s.state())
          .isEqualTo(StreamState.ENDED));
      assertThat(receiver.received()).singleElement()
          .satisfies(r -> assertThat(r.body().at("/auxInfo/errorCode").asInt()).isEqualTo(3001));
      attempt.findElement(By.tagName("summary")).click();
      assertThat(attempt.getText()).contains("\"errorCode\": 3001").contains("\"orderId\": \"o-1\"");
      assertThat(browser.findElement(By.cssSelector("#streams-table tr[data-request-id='r-ui'] .c-state")).getText())
          .isEqualTo("ENDED");
      chromium.screenshot("stream-timeline");

      page.tab("callbacks");
      WebElement row = page.waitFor(d -> page.rowsOf("callbacks-table").stream().findFirst().orElse(null));
      assertThat(cellText(row, "c-outcome")).isEqualTo("DELIVERED");
      row.click();
      assertThat(page.waitFor(d -> d.findElement(By.cssSelector("#callbacks-table .c-payload"))).getText())
          .contains("\"requestId\": \"r-ui\"");
    }
  }

  @Test
  void fieldsTheStreamViewGainsLaterAreShownFramesAsATableWithTheirImages() {
    open.mock().streams().open(StreamSpec.builder().accessKey(KEY).requestId("r-future").build());
    DashboardPage page = DashboardPage.open(browser, open.baseUrl()).tab("streams");
    // Stand in for a later admin API: the stream view gains a script and frames (with an image the mock serves).
    browser.executeScript("""
        const original = window.fetch;
        window.fetch = async (url, init) => {
          const answer = await original(url, init);
          if (!String(url).endsWith('/__admin/streams/r-future')) return answer;
          const stream = await answer.json();
          stream.script = {endAt: 60};
          stream.frames = [
            {at: 3, riskLevel: 'PASS', imgUrl: '/__admin/ui/favicon.svg'},
            {at: 6, riskLevel: '<b id=pwned4>REJECT</b>', imgUrl: 'https://elsewhere.example/x.png'},
            {at: 9, riskLevel: 'REVIEW', imgUrl: 'http://'}];
          return new Response(JSON.stringify(stream), {status: answer.status, headers: answer.headers});
        };""");

    page.waitFor(d -> d.findElement(By.cssSelector("#streams-table tr[data-request-id='r-future']"))).click();

    WebElement frames = page.waitFor(d -> d.findElement(By.cssSelector("#stream-detail table")));
    assertThat(frames.findElements(By.tagName("th"))).extracting(WebElement::getText)
        .containsExactly("at", "riskLevel", "imgUrl");
    assertThat(frames.findElements(By.cssSelector("tbody tr"))).hasSize(3);
    WebElement image = frames.findElement(By.cssSelector("img.media"));
    assertThat(image.getAttribute("src")).isEqualTo(open.baseUrl() + "/__admin/ui/favicon.svg");
    browser.executeScript("arguments[0].scrollIntoView()", image); // the images load lazily, when seen
    page.waitFor(d -> Boolean.TRUE.equals(
        browser.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image)));
    assertThat(frames.findElements(By.cssSelector("img.media"))).as("only the mock's own images").hasSize(1);
    assertThat(frames.getText()).contains("<b id=pwned4>REJECT</b>", "https://elsewhere.example/x.png", "http://");
    assertThat(browser.findElement(By.id("stream-detail")).getText()).contains("script", "\"endAt\": 60");
    assertThat(browser.findElements(By.id("pwned4"))).isEmpty();
  }

  @Test
  void anAccountSavedInTheDashboardIsWhatTheNextCloseMeets() {
    DashboardPage page = DashboardPage.open(browser, open.baseUrl()).tab("accounts");
    page.waitFor(d -> d.findElement(By.cssSelector("#accounts-table tr[data-access-key='" + KEY + "']")));

    page.type("account-accessKey", "no-finish");
    page.type("account-permissions", "submit");
    page.click("account-put");
    page.waitFor(d -> d.findElement(By.cssSelector("#accounts-table tr[data-access-key='no-finish']")));

    assertThat(VendorCalls.close(open.baseUrl(), "no-finish", "1639824316368")).isEqualTo(9101);
  }

  @Test
  void theTokenPromptAsksUntilTheMockAcceptsTheTokenAndTheTabKeepsIt() {
    VendorCalls.close(guarded.baseUrl(), KEY, "seen-through-the-token");
    DashboardPage page = DashboardPage.open(browser, guarded.baseUrl());
    page.waitFor(d -> page.tokenDialogOpen());

    page.type("token-input", "s3crét");
    page.click("token-submit");
    page.waitFor(d -> d.findElement(By.id("token-error")).getText().contains("printable ASCII"));
    page.type("token-input", "wrong");
    page.click("token-submit");
    page.waitFor(d -> d.findElement(By.id("token-error")).getText().contains("refused"));
    assertThat(page.tokenDialogOpen()).isTrue();
    page.type("token-input", "s3cret");
    page.click("token-submit");

    page.requestRow("seen-through-the-token");
    assertThat(page.tokenDialogOpen()).isFalse();
    browser.navigate().refresh();
    DashboardPage reloaded = DashboardPage.of(browser);
    reloaded.requestRow("seen-through-the-token");
    assertThat(reloaded.tokenDialogOpen()).isFalse();
  }

  @Test
  void whenTheMockStopsAnsweringTheDashboardSaysSoAndAsksLessAndLessOften() {
    DeepCleerMock doomed = DeepCleerMock.builder().start();
    DashboardPage page = DashboardPage.open(browser, doomed.baseUrl());
    page.waitUntilEmpty("requests-table");

    doomed.close();

    page.waitFor(d -> d.findElement(By.id("status")).getText().startsWith("failing, retrying in 2 s"));
    page.waitFor(d -> d.findElement(By.id("status")).getText().startsWith("failing, retrying in 4 s"));
    assertThat(browser.findElement(By.id("error")).isDisplayed()).isTrue();
  }

  @Test
  void theDashboardCallsNothingButItsOwnFilesAndThePublicAdminApi() throws Exception {
    open.mock().streams().open(StreamSpec.builder().accessKey(KEY).requestId("r-looked-at").build());
    VendorCalls.close(open.baseUrl(), KEY, "r-looked-at");
    DashboardPage page = DashboardPage.open(browser, open.baseUrl());
    browser.executeScript("performance.setResourceTimingBufferSize(100000)");
    page.requestRow("r-looked-at");
    for (String tab : List.of("streams", "callbacks", "faults", "scenarios", "accounts")) {
      page.tab(tab);
      page.waitFor(d -> !d.findElement(By.id("status")).getText().isEmpty());
    }
    page.tab("streams");
    page.waitFor(d -> d.findElement(By.cssSelector("#streams-table tr[data-request-id='r-looked-at']"))).click();
    page.waitFor(d -> d.findElement(By.cssSelector("#stream-detail h2")));

    @SuppressWarnings("unchecked")
    List<String> urls = (List<String>) browser.executeScript(
        "return performance.getEntriesByType('resource').map(e => e.name)");
    List<Pattern> adminPaths = adminSpecPaths();
    List<String> outside = new ArrayList<>();
    for (String url : urls) {
      URI uri = URI.create(url);
      boolean ownFile = uri.getPath().startsWith(DashboardRoutes.PATH + "/");
      boolean publicApi = adminPaths.stream().anyMatch(p -> p.matcher(uri.getRawPath()).matches());
      if (!url.startsWith(open.baseUrl() + "/") || !(ownFile || publicApi)) {
        outside.add(url);
      }
    }
    assertThat(urls).anyMatch(u -> u.contains("/__admin/requests")).anyMatch(u -> u.contains("/__admin/streams/"));
    assertThat(outside).isEmpty();
  }

  /** Every path of admin-openapi.yaml as a pattern ({@code {param}} matches one path segment). */
  private static List<Pattern> adminSpecPaths() throws Exception {
    try (InputStream in = DashboardBrowserTest.class.getClassLoader()
        .getResourceAsStream("deepcleer/videostream/v4/admin-openapi.yaml")) {
      List<Pattern> patterns = new ArrayList<>();
      new ObjectMapper(new YAMLFactory()).readTree(in).get("paths").fieldNames().forEachRemaining(path ->
          patterns.add(Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"))));
      return patterns;
    }
  }
}
