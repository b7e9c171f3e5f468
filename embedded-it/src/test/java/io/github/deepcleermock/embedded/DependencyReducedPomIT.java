package io.github.deepcleermock.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The POM published for mock-server-embedded drags none of the relocated libraries into users' builds. */
class DependencyReducedPomIT {

  @Test
  void theReducedPomKeepsOnlyTheSharedLibrariesAndJUnitAsOptional() throws Exception {
    Path pom = Path.of(System.getProperty("reducedPom"));
    assertThat(pom).exists();
    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());

    // The project's own <dependencies>; the build section below it holds no dependencies.
    NodeList nodes = document.getDocumentElement().getElementsByTagName("dependency");
    List<String> found = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element dependency = (Element) nodes.item(i);
      found.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId") + ":" + text(dependency, "scope")
          + ("true".equals(text(dependency, "optional")) ? ":optional" : ""));
    }

    assertThat(found).containsExactlyInAnyOrder(
        "com.fasterxml.jackson.core:jackson-databind:compile",
        // Declared, not only transitive: at depth 1 they win over an older Jackson a neighbour brings.
        "com.fasterxml.jackson.core:jackson-core:compile",
        "com.fasterxml.jackson.core:jackson-annotations:compile",
        "com.fasterxml.jackson.dataformat:jackson-dataformat-yaml:compile",
        "org.yaml:snakeyaml:compile",
        "org.slf4j:slf4j-api:compile",
        "org.junit.jupiter:junit-jupiter-api:compile:optional");
  }

  private static String text(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
  }
}
