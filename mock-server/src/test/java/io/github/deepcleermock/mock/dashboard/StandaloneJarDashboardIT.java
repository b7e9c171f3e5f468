package io.github.deepcleermock.mock.dashboard;

import static io.github.deepcleermock.mock.dashboard.DashboardPage.cellText;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** The dashboard as users get it: from the standalone jar, started the way the README says, in headless Chromium. */
class StandaloneJarDashboardIT {

  private static final Path JAR = Path.of("target", "deepcleer-mock.jar");
  private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)$");

  @Test
  void theJarServesTheDashboardAndItShowsTrafficLive() throws Exception {
    assertThat(JAR).as("the standalone jar (built in the package phase)").exists();
    Process mock = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(), "--port", "0")
        .redirectErrorStream(true)
        .start();
    try (HeadlessChromium chromium = HeadlessChromium.start()) {
      String baseUrl = baseUrlOf(mock).get(30, TimeUnit.SECONDS);
      DashboardPage page = DashboardPage.open(chromium.driver(), baseUrl);
      page.waitUntilEmpty("requests-table");

      assertThat(VendorCalls.close(baseUrl, "YOUR_ACCESS_KEY", "1639824316368")).isEqualTo(1100);
      WebElement row = page.requestRow("1639824316368");

      assertThat(cellText(row, "c-code")).isEqualTo("1100");
      chromium.screenshot("standalone-jar");
    } finally {
      mock.destroy();
      mock.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Reads the jar's output until it prints its base URL (it binds a free port), then keeps draining it. */
  private static CompletableFuture<String> baseUrlOf(Process mock) {
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(mock.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          Matcher matcher = LISTENING.matcher(line.strip());
          if (matcher.find()) {
            url.complete(matcher.group(1));
          }
        }
        url.completeExceptionally(new IllegalStateException("the jar exited without printing its URL"));
      } catch (java.io.IOException e) {
        url.completeExceptionally(e);
      }
    }, "standalone-mock-output");
    reader.setDaemon(true);
    reader.start();
    return url;
  }
}
