package io.github.deepcleermock.mock.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** One file of the dashboard, read from the classpath once, with the content type it is served as. */
record DashboardAsset(String name, String contentType, byte[] bytes) {

  static DashboardAsset load(String name, String contentType) {
    try (InputStream in = DashboardAsset.class.getResourceAsStream(name)) {
      if (in == null) {
        // A packaging mistake, not a runtime condition: fail at start rather than serve a broken page.
        throw new IllegalStateException("dashboard file " + name + " is missing from the mock's jar");
      }
      return new DashboardAsset(name, contentType, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dashboard file " + name, e);
    }
  }
}
