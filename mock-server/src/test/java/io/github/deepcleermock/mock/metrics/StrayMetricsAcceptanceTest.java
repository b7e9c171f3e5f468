package io.github.deepcleermock.mock.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.admin.AdminClient;
import org.junit.jupiter.api.Test;

/** Requests to vendor-looking paths that are no endpoint, over real HTTP: one bounded series, whatever the path. */
class StrayMetricsAcceptanceTest {

  @Test
  void missesOfTheVendorsPathsCountAsUnmatchedNotAsSeriesOfTheirOwn() {
    try (DeepCleerMock mock = DeepCleerMock.builder().start()) {
      AdminClient admin = AdminClient.of(mock);
      admin.raw("POST", "/videostream/v3", "{}", null);
      admin.raw("POST", "/finish_videostream/v3", "{}", null);
      admin.raw("POST", "/finish_videostream/v4", "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"r1\"}", null);

      Scrape scrape = Scrape.parse(admin.get("/__admin/metrics").body());

      assertThat(scrape.samples().keySet()).noneMatch(name -> name.contains("/v3"));
      assertThat(scrape.value("deepcleer_mock_requests_total{code=\"1902\",endpoint=\"unmatched\"}")).isEqualTo(2);
      assertThat(scrape.value("deepcleer_mock_requests_total{code=\"1100\",endpoint=\"/finish_videostream/v4\"}"))
          .isEqualTo(1);
    }
  }
}
