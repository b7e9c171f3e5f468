package io.github.deepcleermock.mock;

/** The Debian packages the tests run for real (Redis, Chromium) and the one line that installs them. */
public final class TestPackages {

  /** The one line that installs every Debian package the tests need; {@code ./test.sh} prints the same. */
  public static final String INSTALL_LINE =
      "apt-get update && apt-get install -y redis-server chromium chromium-driver";

  private TestPackages() {}
}
