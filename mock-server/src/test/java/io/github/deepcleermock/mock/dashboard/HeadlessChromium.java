package io.github.deepcleermock.mock.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver. Both paths are given explicitly, so Selenium
 * Manager never looks for (let alone downloads) a browser or a driver; a machine without them fails the test with
 * the line that installs them, it never skips.
 */
final class HeadlessChromium implements AutoCloseable {

  /** The one line that installs every Debian package the tests need; {@code ./test.sh} prints the same. */
  static final String INSTALL_LINE = "apt-get update && apt-get install -y redis-server chromium chromium-driver";

  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

  private final ChromeDriver driver;
  private final Path profile;

  private HeadlessChromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Fails, naming the install line, unless the browser and the driver are installed. */
  static void requireInstalled(Path browser, Path driver) {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(browser)) {
      missing.add(browser + " (Debian package chromium)");
    }
    if (!Files.isExecutable(driver)) {
      missing.add(driver + " (Debian package chromium-driver)");
    }
    if (!missing.isEmpty()) {
      throw new AssertionError("The dashboard's browser tests need Chromium, but " + String.join(" and ", missing)
          + " is missing. Install it as root (./test.sh does this when run as root):\n  " + INSTALL_LINE);
    }
  }

  static HeadlessChromium start() {
    requireInstalled(BROWSER, DRIVER);
    try {
      Path profile = Files.createTempDirectory("dashboard-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(BROWSER.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox", // CI runs as root, where Chromium's sandbox refuses to start
          "--disable-dev-shm-usage",
          "--disable-gpu",
          "--window-size=1280,800",
          "--user-data-dir=" + profile,
          // Loopback only: no update checks, sync, metrics or other calls home.
          "--no-first-run",
          "--no-default-browser-check",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-default-apps",
          "--disable-features=Translate,OptimizationHints,MediaRouter");
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
      return new HeadlessChromium(driver, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Saves what the browser shows as {@code target/dashboard-screenshots/<name>.png} (a test artifact). */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temp profile is harmless.
    }
  }
}
