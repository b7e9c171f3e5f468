package io.github.deepcleermock.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Embedding without an SLF4J provider: no Javalin banner per start, only SLF4J's own notice once per JVM. */
class MissingLoggerBannerTest {

  /** Started in a JVM of its own: two mocks, one after the other, then a line on System.err of a user's own. */
  public static final class StartTwice {
    public static void main(String[] args) {
      for (int i = 0; i < 2; i++) {
        try (DeepCleerMock mock = DeepCleerMock.builder().start()) {
          System.out.println("started " + mock.port());
        }
      }
      System.err.println("the user's own line");
    }
  }

  @Test
  void startingWithoutAnSlf4jProviderPrintsNoJavalinBanner() throws Exception {
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains("slf4j-simple"))
        .collect(Collectors.joining(File.pathSeparator));
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-cp", classPath, StartTwice.class.getName())).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(out.lines().filter(line -> line.startsWith("started "))).hasSize(2);
    assertThat(err).doesNotContain("Javalin").doesNotContain("#####").contains("the user's own line");
    assertThat(err.lines().filter(line -> line.startsWith("SLF4J(W): No SLF4J providers"))).hasSize(1);
  }
}
