package io.github.deepcleermock.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reading a packaged spec from the classpath, the way every consumer of the api-spec jar does. */
final class SpecResources {

  private SpecResources() {}

  static String text(String resource) {
    try (InputStream in = SpecResources.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("classpath resource %s (packaged by api-spec's pom)", resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SwaggerParseResult parse(String resource) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(text(resource), null, options);
  }
}
