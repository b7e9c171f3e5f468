package io.github.deepcleermock.mock.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** What {@code --version} prints: the project version the build wrote into {@code version.properties}. */
final class BuildVersion implements IVersionProvider {

  /** The version of this build, for example {@code 0.1.0-SNAPSHOT}. */
  static String current() {
    try (InputStream in = BuildVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the mock's jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"deepcleer-mock " + current()};
  }
}
