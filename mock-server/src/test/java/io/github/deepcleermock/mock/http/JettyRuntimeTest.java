package io.github.deepcleermock.mock.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JettyRuntimeTest {

  @Test
  void theJettyOfThisBuildIsAccepted() {
    assertThatCode(JettyRuntime::requireCompatible).doesNotThrowAnyException();
  }

  @Test
  void jetty12AndLaterAreAccepted() {
    assertThat(JettyRuntime.problem(Optional.of("12.1.12"), true)).isEmpty();
    assertThat(JettyRuntime.problem(Optional.of("12.0.0"), true)).isEmpty();
    assertThat(JettyRuntime.problem(Optional.of("12.2.0"), true)).isEmpty();
    assertThat(JettyRuntime.problem(Optional.of("13.0.1"), true)).isEmpty();
  }

  @Test
  void wireMocksJetty11IsRefusedByItsVersion() {
    assertThat(JettyRuntime.problem(Optional.of("11.0.26"), false)).hasValue("Jetty 11.0.26");
  }

  @Test
  void jetty12Point0AsSpringBoot3Point5ManagesItIsAccepted() {
    // consumer-it's thin-with-spring-boot-bom project runs the mock on Spring Boot 3.5's Jetty 12.0.
    assertThat(JettyRuntime.problem(Optional.of("12.0.36"), true)).isEmpty();
  }

  @Test
  void jetty10IsRefused() {
    assertThat(JettyRuntime.problem(Optional.of("10.0.24"), false)).hasValue("Jetty 10.0.24");
  }

  @Test
  void aNewJettyUtilBesideAnOldJettyServerIsRefused() {
    assertThat(JettyRuntime.problem(Optional.of("12.0.36"), false)).hasValue("Jetty 12.0.36 with an older jetty-server");
  }

  @Test
  void noJettyAtAllIsRefused() {
    assertThat(JettyRuntime.problem(Optional.empty(), false)).hasValue("no Jetty");
  }

  @Test
  void theMessageIsOneLineThatNamesTheEmbeddedArtifact() {
    String message = JettyRuntime.incompatible("Jetty 11.0.26");

    assertThat(message.lines()).hasSize(1);
    assertThat(message).contains("Jetty 11.0.26").contains("io.github.deepcleermock:mock-server-embedded");
  }
}
