package io.github.deepcleermock.mock.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks, before any Javalin or Jetty class is linked, that the classpath's Jetty is one the mock runs on.
 *
 * <p>Why: Maven keeps one version of each Jetty artifact. Beside WireMock 3 (Jetty 11) or under a BOM that manages
 * an old Jetty 12, the thin jar would fail deep inside Jetty with a raw {@code NoClassDefFoundError}; this says what to
 * use instead. Everything here is reflective, so loading this class links no Jetty class. In mock-server-embedded
 * the class names below are relocated with the bundled Jetty, so the check always passes there.
 */
public final class JettyRuntime {

  /** The oldest Jetty line the mock runs on (major, minor): Javalin 7 is built on 12.1 and runs on 12.0 too. */
  static final int[] REQUIRED = {12, 0};

  private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");
  private static final String JETTY_UTIL = "org.eclipse.jetty.util.Jetty";
  private static final String JETTY_12_SERVER = "org.eclipse.jetty.server.Handler$Wrapper";

  private JettyRuntime() {}

  /**
   * Fails when the classpath's Jetty cannot run the mock.
   *
   * @throws IllegalStateException with one line naming the Jetty found and the artifact to use instead
   */
  public static void requireCompatible() {
    ClassLoader loader = JettyRuntime.class.getClassLoader();
    Optional<String> version = utilVersion(loader);
    boolean jetty12Server = present(JETTY_12_SERVER, loader);
    problem(version, jetty12Server).ifPresent(found -> {
      throw new IllegalStateException(incompatible(found));
    });
  }

  /** The one-line message for a classpath whose Jetty is {@code found}. */
  public static String incompatible(String found) {
    return "The DeepCleer mock (io.github.deepcleermock:mock-server) needs Jetty " + REQUIRED[0] + "." + REQUIRED[1]
        + "+, but this classpath has " + found + " (org.wiremock:wiremock brings Jetty 11, for one): depend on"
        + " io.github.deepcleermock:mock-server-embedded instead, which carries its own relocated Jetty";
  }

  /** What is wrong with a Jetty of this jetty-util version and jetty-server generation, if anything. */
  static Optional<String> problem(Optional<String> utilVersion, boolean jetty12Server) {
    if (utilVersion.isEmpty()) {
      return Optional.of("no Jetty");
    }
    String version = utilVersion.get();
    Matcher m = VERSION.matcher(version);
    if (!m.find()) {
      return Optional.of("Jetty '" + version + "'");
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    boolean oldEnough = major > REQUIRED[0] || (major == REQUIRED[0] && minor >= REQUIRED[1]);
    if (!oldEnough) {
      return Optional.of("Jetty " + version);
    }
    if (!jetty12Server) {
      return Optional.of("Jetty " + version + " with an older jetty-server");
    }
    return Optional.empty();
  }

  private static Optional<String> utilVersion(ClassLoader loader) {
    try {
      Object value = Class.forName(JETTY_UTIL, false, loader).getField("VERSION").get(null);
      return Optional.of(String.valueOf(value));
    } catch (ReflectiveOperationException | LinkageError e) {
      return Optional.empty();
    }
  }

  private static boolean present(String className, ClassLoader loader) {
    try {
      Class.forName(className, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
