package io.github.deepcleermock.mock.dashboard;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without Chromium the browser tests fail and say how to install it; they never skip. */
class HeadlessChromiumTest {

  @Test
  void aMissingBrowserFailsWithTheInstallLine(@TempDir Path empty) {
    assertThatThrownBy(() -> HeadlessChromium.requireInstalled(empty.resolve("chromium"), HeadlessChromium.DRIVER))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("chromium (Debian package chromium)")
        .hasMessageEndingWith("apt-get update && apt-get install -y redis-server chromium chromium-driver");
  }

  @Test
  void aMissingDriverFailsWithTheInstallLine(@TempDir Path empty) {
    assertThatThrownBy(() -> HeadlessChromium.requireInstalled(HeadlessChromium.BROWSER, empty.resolve("chromedriver")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("chromedriver (Debian package chromium-driver)")
        .hasMessageEndingWith(HeadlessChromium.INSTALL_LINE);
  }
}
