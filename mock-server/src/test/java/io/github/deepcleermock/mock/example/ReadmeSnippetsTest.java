package io.github.deepcleermock.mock.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's Java examples are the code the example tests run, word for word. */
class ReadmeSnippetsTest {

  private static final Path EXAMPLES = Path.of("src/test/java/io/github/deepcleermock/mock/example");

  @Test
  void theJUnitSectionShowsReadmeJUnitExampleTestWithoutItsPackageLine() throws IOException {
    String source = Files.readString(EXAMPLES.resolve("ReadmeJUnitExampleTest.java"));
    String withoutPackage = source.substring(source.indexOf('\n', source.indexOf("package ")) + 1).stripLeading();

    assertThat(javaBlocks(section("## JUnit 5 extension"))).first().isEqualTo(withoutPackage);
  }

  @Test
  void theSimulationSectionShowsReadmeSimulationExampleTestWithoutItsPackageLine() throws IOException {
    String source = Files.readString(EXAMPLES.resolve("ReadmeSimulationExampleTest.java"));
    String withoutPackage = source.substring(source.indexOf('\n', source.indexOf("package ")) + 1).stripLeading();

    assertThat(javaBlocks(section("## Simulated streams and callbacks"))).first().isEqualTo(withoutPackage);
  }

  @Test
  void theEmbeddedSectionShowsTheBodyOfReadmeEmbeddedExampleTestReadmeExample() throws IOException {
    String source = Files.readString(EXAMPLES.resolve("ReadmeEmbeddedExampleTest.java"));

    assertThat(javaBlocks(section("## Embedded Java API"))).first()
        .isEqualTo(bodyOf(source, "void readmeExample() throws Exception {"));
  }

  @Test
  void theConsumerPomIsTheOneConsumerItBuilds() throws IOException {
    String source = Files.readString(Path.of("..", "consumer-it", "src", "it", "embedded-before-wiremock", "pom.xml"));
    Matcher block = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL)
        .matcher(section("## Using the artifacts in your build"));
    assertThat(block.find()).as("an xml block").isTrue();

    // The invoker fills in @project.version@ and the like; the README shows one build's values.
    String version = "(@[\\w.-]+@|[0-9][\\w.-]*)";
    assertThat(block.group(1).strip().replaceAll("<version>[^<]*</version>", "<version/>"))
        .isEqualTo(source.strip().replaceAll("<version>" + version + "</version>", "<version/>"));
  }

  private static String section(String heading) throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf("\n" + heading + "\n");
    assertThat(start).as("README heading %s", heading).isNotNegative();
    int end = readme.indexOf("\n## ", start + heading.length());
    return end < 0 ? readme.substring(start) : readme.substring(start, end);
  }

  private static List<String> javaBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  /** The method body below {@code signature}, dedented by the four spaces of a method body. */
  private static String bodyOf(String source, String signature) {
    int start = source.indexOf(signature);
    assertThat(start).as("signature in source").isNotNegative();
    int from = source.indexOf('\n', start) + 1;
    int to = source.indexOf("\n  }\n", from) + 1;
    StringBuilder body = new StringBuilder();
    for (String line : source.substring(from, to).split("\n")) {
      body.append(line.startsWith("    ") ? line.substring(4) : line.strip()).append('\n');
    }
    return body.toString();
  }
}
