package io.github.deepcleermock.mock.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.admin.AdminClient;
import io.github.deepcleermock.mock.callbacks.CallbackReceiver;
import io.github.deepcleermock.mock.faults.FaultMatch;
import io.github.deepcleermock.mock.faults.FaultSpec;
import io.github.deepcleermock.mock.streams.StreamSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/** {@code GET /__admin/metrics} against real traffic: counts equal what was sent, gauges equal the state. */
class MetricsAcceptanceTest {

  private static final String CLOSE = "/finish_videostream/v4";

  @Test
  void requestCountsEqualTheRequestsSentByConcurrentClients() throws Exception {
    int threads = 4;
    int perThread = 150;
    // A QPS limit no test run reaches: every close below answers by its input, none by the rate limiter.
    Account roomy = new Account("YOUR_ACCESS_KEY", 1_000_000, 100, Set.of(Account.FINISH), false);
    Map<String, LongAdder> answered = new ConcurrentHashMap<>();
    try (DeepCleerMock mock = DeepCleerMock.builder().account(roomy).maxThreads(16).start()) {
      AdminClient admin = AdminClient.of(mock);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < perThread; i++) {
            AdminClient.Reply reply = switch (i % 3) {
              case 0 -> admin.close("YOUR_ACCESS_KEY", "s-" + thread + "-" + i); // 1100, unknown id accepted
              case 1 -> admin.close("NOT_REGISTERED", "s-" + i); // 9101
              default -> admin.raw("POST", CLOSE, "{\"accessKey\":\"YOUR_ACCESS_KEY\"}", null); // 1902
            };
            answered.computeIfAbsent(reply.json().path("code").asText(), c -> new LongAdder()).increment();
            if (i % 10 == 0) {
              admin.raw("GET", "/no/such/path", null, null); // unmatched
            }
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> future : done) {
        future.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();

      Scrape scrape = scrape(admin);

      int each = threads * perThread / 3;
      assertThat(answered.keySet()).containsExactlyInAnyOrder("1100", "9101", "1902");
      answered.forEach((code, count) -> assertThat(scrape.value(requests(CLOSE, code)))
          .as("code %s", code).isEqualTo(count.sum()).isEqualTo(each));
      assertThat(scrape.value(requests("unmatched", "none"))).isEqualTo(threads * (perThread / 10));
      assertThat(scrape.value("deepcleer_mock_answer_latency_seconds_count{endpoint=\"" + CLOSE + "\"}"))
          .isEqualTo(threads * perThread);
      assertThat(scrape.value("deepcleer_mock_answer_latency_seconds_bucket{endpoint=\"" + CLOSE + "\",le=\"+Inf\"}"))
          .isEqualTo(threads * perThread);
      assertThat(scrape.value("deepcleer_mock_answer_latency_seconds_sum{endpoint=\"" + CLOSE + "\"}"))
          .isPositive();
      // The journal holds what it was sent (its default capacity is larger than this run).
      assertThat(scrape.value("deepcleer_mock_journal_entries"))
          .isEqualTo(threads * perThread + threads * (perThread / 10));
    }
  }

  @Test
  void streamsAreCountedByState() {
    try (DeepCleerMock mock = DeepCleerMock.builder().start()) {
      mock.streams().open(StreamSpec.builder().accessKey("YOUR_ACCESS_KEY").requestId("s1").build());
      mock.streams().open(StreamSpec.builder().accessKey("YOUR_ACCESS_KEY").requestId("s2").build());
      AdminClient admin = AdminClient.of(mock);
      admin.closeCode("YOUR_ACCESS_KEY", "s1");

      Scrape scrape = scrape(admin);

      assertThat(scrape.value("deepcleer_mock_streams{state=\"ACTIVE\"}")).isEqualTo(1);
      assertThat(scrape.value("deepcleer_mock_streams{state=\"CLOSED\"}")).isEqualTo(1);
    }
  }

  @Test
  void faultsFiredCountOnlyTheRequestsARuleActedOn() {
    try (DeepCleerMock mock = DeepCleerMock.builder().start()) {
      mock.faults().add(FaultSpec.code(FaultMatch.ANY, 1903).withTimes(2));
      AdminClient admin = AdminClient.of(mock);
      for (int i = 0; i < 5; i++) {
        admin.close("YOUR_ACCESS_KEY", "r" + i);
      }

      Scrape scrape = scrape(admin);

      assertThat(scrape.value("deepcleer_mock_faults_fired_total{endpoint=\"" + CLOSE + "\"}")).isEqualTo(2);
      assertThat(scrape.value(requests(CLOSE, "1903"))).isEqualTo(2);
      assertThat(scrape.value(requests(CLOSE, "1100"))).isEqualTo(3);
    }
  }

  @Test
  void callbackAttemptsAreCountedByKindAndOutcome() {
    try (CallbackReceiver receiver = CallbackReceiver.start().answer(503);
        DeepCleerMock mock =
            DeepCleerMock.builder()
                .callbacks(io.github.deepcleermock.mock.callbacks.CallbackSettings.DEFAULT
                    .withRetries(0))
                .start()) {
      mock.streams().open(new StreamSpec("a", "YOUR_ACCESS_KEY", List.of(), receiver.url("/img"), null, 1, null));
      mock.streams().open(new StreamSpec("b", "YOUR_ACCESS_KEY", List.of(), receiver.url("/img"), null, 1, null));
      AdminClient admin = AdminClient.of(mock);
      admin.closeCode("YOUR_ACCESS_KEY", "a"); // the receiver answers 503: no retries allowed, so GAVE_UP
      mock.awaitCallbacksIdle(Duration.ofSeconds(10));
      admin.closeCode("YOUR_ACCESS_KEY", "b"); // then 200
      mock.awaitCallbacksIdle(Duration.ofSeconds(10));

      Scrape scrape = scrape(admin);

      assertThat(scrape.value("deepcleer_mock_callback_attempts_total{kind=\"end\",outcome=\"GAVE_UP\"}"))
          .isEqualTo(1);
      assertThat(scrape.value("deepcleer_mock_callback_attempts_total{kind=\"end\",outcome=\"DELIVERED\"}"))
          .isEqualTo(1);
    }
  }

  @Test
  void jvmBasicsAreServedBesideTheMocksOwnMetrics() {
    try (DeepCleerMock mock = DeepCleerMock.builder().start()) {
      AdminClient.Reply reply = AdminClient.of(mock).get("/__admin/metrics");

      assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
      Scrape scrape = Scrape.parse(reply.body());
      assertThat(scrape.samples().keySet())
          .anyMatch(name -> name.startsWith("jvm_memory_used_bytes{"))
          .anyMatch(name -> name.startsWith("jvm_threads_live_threads"))
          .anyMatch(name -> name.startsWith("process_uptime_seconds"));
      assertThat(scrape.value("deepcleer_mock_journal_capacity")).isEqualTo(10_000);
    }
  }

  @Test
  void metricsNeedTheAdminTokenWhenOneIsSet() {
    try (DeepCleerMock mock = DeepCleerMock.builder().adminToken("s3cret").start()) {
      assertThat(AdminClient.of(mock.baseUrl(), null).get("/__admin/metrics").status()).isEqualTo(401);
      assertThat(AdminClient.of(mock.baseUrl(), "s3cret").get("/__admin/metrics").status()).isEqualTo(200);
    }
  }

  @Test
  void metricsTurnedOffAnswer404AndCountNothing() {
    try (DeepCleerMock mock = DeepCleerMock.builder().metrics(false).start()) {
      AdminClient.Reply reply = AdminClient.of(mock).get("/__admin/metrics");

      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.json().path("error").asText()).startsWith("metrics: are off");
    }
  }

  private static String requests(String endpoint, String code) {
    return "deepcleer_mock_requests_total{code=\"" + code + "\",endpoint=\"" + endpoint + "\"}";
  }

  private static Scrape scrape(AdminClient admin) {
    AdminClient.Reply reply = admin.get("/__admin/metrics");
    assertThat(reply.status()).isEqualTo(200);
    return Scrape.parse(reply.body());
  }

}
