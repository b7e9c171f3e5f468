package io.github.deepcleermock.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.deepcleermock.client.invoker.ApiClient;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeepCleerClientsTest {

  private static final Duration ONE_SECOND = Duration.ofSeconds(1);

  @Test
  void theRecommendedTimeoutIsTheVendorsSevenSeconds() {
    assertThat(DeepCleerClients.RECOMMENDED_TIMEOUT).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void aMissingBaseUriIsRefusedWithAHint() {
    assertThatThrownBy(() -> DeepCleerClients.create(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("baseUri is required")
        .hasMessageContaining("production")
        .hasMessageContaining("http://127.0.0.1:8080");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/finish_videostream/v4", "127.0.0.1", "localhost:8080", "ftp://127.0.0.1/", "http:/x"})
  void aBaseUriThatIsNotAnAbsoluteHttpUriIsRefusedWithAHint(String base) {
    assertThatThrownBy(() -> DeepCleerClients.create(URI.create(base)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute http:// or https:// URI")
        .hasMessageContaining("http://127.0.0.1:8080")
        .hasMessageEndingWith("but was: " + base);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http://127.0.0.1:8080/?debug=1", "http://127.0.0.1:8080/#top", "http://u:p@127.0.0.1:8080"})
  void partsTheClientWouldSilentlyDropAreRefused(String base) {
    assertThatThrownBy(() -> DeepCleerClients.create(URI.create(base)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user info, a query or a fragment");
  }

  @Test
  void timeoutsMustBePresentAndPositive() {
    URI base = URI.create("http://127.0.0.1:8080");

    assertThatThrownBy(() -> DeepCleerClients.create(base, null, ONE_SECOND))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> DeepCleerClients.create(base, ONE_SECOND, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout must be positive");
    assertThatThrownBy(() -> DeepCleerClients.create(base, Duration.ofMillis(-1), ONE_SECOND))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout must be positive");
  }

  @Test
  void theApiClientTargetsTheGivenBaseWithTheGivenTimeouts() {
    ApiClient client = DeepCleerClients.apiClient(
        URI.create("https://mock.example.test:9443/base/"), Duration.ofMillis(1500), Duration.ofMillis(2500));

    assertThat(client.getBaseUri()).isEqualTo("https://mock.example.test:9443/base");
    assertThat(client.getConnectTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(client.getReadTimeout()).isEqualTo(Duration.ofMillis(2500));
  }
}
