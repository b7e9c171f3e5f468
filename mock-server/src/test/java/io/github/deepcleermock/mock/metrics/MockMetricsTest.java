package io.github.deepcleermock.mock.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.deepcleermock.mock.journal.JournalEntry;
import org.junit.jupiter.api.Test;

/** How journal entries become series, without HTTP: any endpoint by its path, strays bounded, le inclusive. */
class MockMetricsTest {

  @Test
  void everyVendorEndpointIsASeriesOfItsOwnByPath() {
    try (MockMetrics metrics = new MockMetrics()) {
      metrics.requests().recorded(entry("/videostream/v4", 1100, null, 1_000));
      metrics.requests().recorded(entry("/videostream/v4", 1100, null, 1_000));
      metrics.requests().recorded(entry("/finish_videostream/v4", 1100, null, 1_000));

      Scrape scrape = Scrape.parse(metrics.scrape());

      assertThat(scrape.value("deepcleer_mock_requests_total{code=\"1100\",endpoint=\"/videostream/v4\"}"))
          .isEqualTo(2);
      assertThat(scrape.value("deepcleer_mock_requests_total{code=\"1100\",endpoint=\"/finish_videostream/v4\"}"))
          .isEqualTo(1);
    }
  }

  @Test
  void requestsToNoEndpointShareOneSeriesWhateverTheirPath() {
    try (MockMetrics metrics = new MockMetrics()) {
      for (int i = 0; i < 50; i++) {
        metrics.requests().recorded(entry("/probe/" + i, null, null, 1_000));
      }

      Scrape scrape = Scrape.parse(metrics.scrape());

      assertThat(scrape.value("deepcleer_mock_requests_total{code=\"none\",endpoint=\"unmatched\"}")).isEqualTo(50);
      assertThat(scrape.samples().keySet()).noneMatch(name -> name.contains("/probe/"));
    }
  }

  @Test
  void vendorLookingPathsThatAreNoEndpointCountAsUnmatched() {
    try (MockMetrics metrics = new MockMetrics()) {
      for (int i = 0; i < 40; i++) {
        metrics.requests().recorded(new JournalEntry(1, 0, "POST", "/videostream/x" + i, null, null, 1902,
            "path: no such endpoint; the vendor's paths are POST /finish_videostream/v4", false, null, null, 1_000,
            new byte[0], false));
      }

      Scrape scrape = Scrape.parse(metrics.scrape());

      assertThat(scrape.value("deepcleer_mock_requests_total{code=\"1902\",endpoint=\"unmatched\"}")).isEqualTo(40);
    }
  }

  @Test
  void endpointLabelsAreBoundedWhateverPathsArrive() {
    try (MockMetrics metrics = new MockMetrics()) {
      for (int i = 0; i < RequestCounts.MAX_ENDPOINTS + 10; i++) {
        metrics.requests().recorded(entry("/e" + i, 1100, null, 1_000));
      }

      Scrape scrape = Scrape.parse(metrics.scrape());

      assertThat(scrape.value("deepcleer_mock_requests_total{code=\"1100\",endpoint=\"other\"}")).isEqualTo(10);
    }
  }

  @Test
  void aTransportFaultKeepsItsEndpointAndCountsAsAFiredFaultWithoutACode() {
    try (MockMetrics metrics = new MockMetrics()) {
      metrics.requests().recorded(entry("/finish_videostream/v4", null, "fault-1", 1_000));

      Scrape scrape = Scrape.parse(metrics.scrape());

      assertThat(scrape.value("deepcleer_mock_requests_total{code=\"none\",endpoint=\"/finish_videostream/v4\"}"))
          .isEqualTo(1);
      assertThat(scrape.value("deepcleer_mock_faults_fired_total{endpoint=\"/finish_videostream/v4\"}"))
          .isEqualTo(1);
    }
  }

  @Test
  void aLatencyOnABucketBoundCountsInThatBucketAndBucketsAreCumulative() {
    try (MockMetrics metrics = new MockMetrics()) {
      metrics.requests().recorded(entry("/e", 1100, null, 1_000_000)); // exactly 1 ms
      metrics.requests().recorded(entry("/e", 1100, null, 1_000_001)); // just above
      metrics.requests().recorded(entry("/e", 1100, null, 5_000_000_000L)); // 5 s: only +Inf

      Scrape scrape = Scrape.parse(metrics.scrape());
      String bucket = "deepcleer_mock_answer_latency_seconds_bucket{endpoint=\"/e\",le=\"%s\"}";

      assertThat(scrape.value(bucket.formatted("5.0E-4"))).isZero();
      assertThat(scrape.value(bucket.formatted("0.001"))).isEqualTo(1);
      assertThat(scrape.value(bucket.formatted("0.0025"))).isEqualTo(2);
      assertThat(scrape.value(bucket.formatted("1.0"))).isEqualTo(2);
      assertThat(scrape.value(bucket.formatted("+Inf"))).isEqualTo(3);
      assertThat(scrape.value("deepcleer_mock_answer_latency_seconds_sum{endpoint=\"/e\"}"))
          .isCloseTo(5.002000001, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void aClosedMocksMetricsCannotBeScraped() {
    MockMetrics metrics = new MockMetrics();
    metrics.scrape();
    metrics.close();

    assertThatThrownBy(metrics::scrape).isInstanceOf(IllegalStateException.class);
  }

  private static JournalEntry entry(String path, Integer code, String faultId, long latencyNanos) {
    return new JournalEntry(
        1, 0, "POST", path, null, null, code, null, false, faultId, null, latencyNanos, new byte[0], false);
  }
}
