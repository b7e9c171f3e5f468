package io.github.deepcleermock.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** Everything the embedded jar carries lives under the project's package, so nothing can clash by name. */
class ShadedJarContentsIT {

  @Test
  void everyClassIsUnderTheProjectPackageAndThePublicApiKeepsItsName() throws Exception {
    List<String> classes = entries(name -> name.endsWith(".class"));

    assertThat(classes)
        .contains("io/github/deepcleermock/mock/DeepCleerMock.class",
            "io/github/deepcleermock/mock/junit/DeepCleerMockExtension.class",
            "io/github/deepcleermock/shaded/jetty/server/Server.class",
            "io/github/deepcleermock/shaded/javalin/Javalin.class")
        .allSatisfy(name -> assertThat(name).startsWith("io/github/deepcleermock/"))
        .noneMatch(name -> name.startsWith("io/github/deepcleermock/shaded/slf4j")
            || name.contains("/slf4j/") || name.contains("/fasterxml/") || name.contains("/junit/jupiter/"));
  }

  @Test
  void serviceFilesNameAndListOnlyRelocatedTypes() throws Exception {
    List<String> services = entries(name -> name.startsWith("META-INF/services/") && !name.endsWith("/"));

    assertThat(services).isNotEmpty()
        .allSatisfy(name -> assertThat(name).startsWith("META-INF/services/io.github.deepcleermock."));
    for (String service : services) {
      assertThat(read(service).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")))
          .as(service)
          .allSatisfy(provider -> assertThat(provider).startsWith("io.github.deepcleermock."));
    }
  }

  @Test
  void noGlobalJndiSetupOrLoggingBindingIsCarried() throws Exception {
    assertThat(entries(name -> true))
        .doesNotContain("jndi.properties", "simplelogger.properties")
        .noneMatch(name -> name.endsWith(".kotlin_module"));
  }

  private static List<String> entries(java.util.function.Predicate<String> filter) throws IOException {
    try (JarFile jar = new JarFile(jarPath().toFile())) {
      List<String> names = new ArrayList<>();
      for (JarEntry entry : Collections.list(jar.entries())) {
        if (filter.test(entry.getName())) {
          names.add(entry.getName());
        }
      }
      return names;
    }
  }

  private static String read(String entry) throws IOException {
    try (JarFile jar = new JarFile(jarPath().toFile());
        InputStream in = jar.getInputStream(jar.getJarEntry(entry))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Path jarPath() {
    try {
      Path path = Path.of(DeepCleerMock.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      assertThat(path.getFileName().toString()).startsWith("mock-server-embedded").endsWith(".jar");
      return path;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
