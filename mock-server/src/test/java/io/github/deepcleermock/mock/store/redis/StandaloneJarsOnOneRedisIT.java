package io.github.deepcleermock.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.admin.AdminClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two standalone jars, started as users start them, on one real redis-server behave as one mock. Each behaviour the
 * README lists for several instances is one test method here: the jars and Redis stay up for the class, and every
 * test starts from the group's baseline.
 */
class StandaloneJarsOnOneRedisIT {

  private static final int QPS = 10;
  private static final Duration VISIBLE = Duration.ofSeconds(10);

  @RegisterExtension
  @Order(1)
  static final RedisServer REDIS = new RedisServer();

  /** Started after Redis (the order of extensions is otherwise JUnit's to choose). */
  @RegisterExtension
  @Order(2)
  static final StandaloneJars JARS = new StandaloneJars(2, REDIS::uri, """
      journalSize: 50
      accounts:
        - accessKey: limited
          qps: %d
        - accessKey: open
          qps: 1000000
      """.formatted(QPS));

  private final VendorCloses vendor = new VendorCloses();

  private static AdminClient admin(int jar) {
    return AdminClient.of(JARS.baseUrl(jar), null);
  }

  @BeforeEach
  void fromTheBaseline() {
    assertThat(admin(0).post("/__admin/reset", "").status()).isEqualTo(200);
  }

  /** The requestIds jar {@code jar} lists for {@code query} once {@code until} holds (or the wait is over). */
  private static List<String> listed(int jar, String query, Predicate<List<String>> until) {
    Instant deadline = Instant.now().plus(VISIBLE);
    List<String> ids = admin(jar).get("/__admin/requests" + query).texts("requests", "requestId");
    while (!until.test(ids) && Instant.now().isBefore(deadline)) {
      ids = admin(jar).get("/__admin/requests" + query).texts("requests", "requestId");
    }
    return ids;
  }

  @Test
  void theLimiterIsExactAcrossBothJarsUnderConcurrentCloses() throws Exception {
    int threads = 8;
    int closesPerThread = 25;
    AtomicInteger granted = new AtomicInteger();
    AtomicInteger limited = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    List<Callable<Void>> senders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      senders.add(() -> {
        for (int i = 0; i < closesPerThread; i++) {
          int code = vendor.close(JARS.baseUrl((i + thread) % 2), "limited", "l-" + thread + "-" + i).code();
          (code == 1100 ? granted : code == 1901 ? limited : other).incrementAndGet();
        }
        return null;
      });
    }
    try (RedisClient client = RedisClient.create(RedisURI.create(REDIS.uri()));
        StatefulRedisConnection<String, String> redis = client.connect()) {
      long start = micros(redis.sync().time());
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        for (Future<Void> done : pool.invokeAll(senders)) {
          done.get();
        }
      } finally {
        pool.shutdown();
      }
      long elapsed = micros(redis.sync().time()) - start;

      // GCRA from a full bucket: the capacity plus one token per 1/qps of elapsed time (Redis's clock), no more.
      assertThat(other.get()).as("answers other than 1100 and 1901").isZero();
      assertThat(granted.get() + limited.get()).isEqualTo(threads * closesPerThread);
      assertThat(granted.get()).as("1100s across both jars in %d µs", elapsed)
          .isGreaterThanOrEqualTo(QPS)
          .isLessThanOrEqualTo((int) (QPS + elapsed / (1_000_000 / QPS)));
      assertThat(limited.get()).isPositive();
    }
  }

  @Test
  void requestsAnsweredByEitherJarAreListedInOrderByBoth() {
    assertThat(vendor.close(JARS.baseUrl(0), "open", "on-first").code()).isEqualTo(1100);
    assertThat(listed(1, "?accessKey=open", ids -> ids.contains("on-first"))).containsExactly("on-first");
    assertThat(vendor.close(JARS.baseUrl(1), "open", "on-second").code()).isEqualTo(1100);

    assertThat(listed(0, "?accessKey=open", ids -> ids.size() == 2)).containsExactly("on-second", "on-first");
    assertThat(listed(1, "?accessKey=open", ids -> ids.size() == 2)).containsExactly("on-second", "on-first");
  }

  @Test
  void theJournalOfBothJarsKeepsOnlyTheNewestJournalSizeEntries() {
    for (int i = 1; i <= 60; i++) {
      assertThat(vendor.close(JARS.baseUrl(i % 2), "open", "cap-" + i).code()).isEqualTo(1100);
    }

    // Sent one after the other, but each jar's write travels on its own connection: neighbours may swap places in
    // the stream, so the oldest kept entry is cap-10 or cap-11; nothing older survives the cap.
    List<String> onFirst = listed(0, "", ids -> ids.size() == 50 && ids.contains("cap-60"));
    assertThat(onFirst).hasSize(50).contains("cap-60", "cap-12")
        .doesNotContain("cap-1", "cap-2", "cap-3", "cap-4", "cap-5", "cap-6", "cap-7", "cap-8", "cap-9");
    assertThat(listed(1, "", ids -> ids.equals(onFirst))).isEqualTo(onFirst);
  }

  @Test
  void aResetOnOneJarEmptiesTheJournalTheOtherLists() {
    assertThat(vendor.close(JARS.baseUrl(1), "open", "before-reset").code()).isEqualTo(1100);
    assertThat(listed(0, "", ids -> !ids.isEmpty())).containsExactly("before-reset");

    assertThat(admin(0).post("/__admin/reset", "").status()).isEqualTo(200);

    assertThat(admin(1).get("/__admin/requests").items("requests")).isEmpty();
  }

  @Test
  void aStreamSubmittedOnOneJarIsClosedOnTheOtherAndReClosedOnTheFirst() {
    VendorCloses.Answer submitted = vendor.submit(JARS.baseUrl(0), "open", "jar-stream");
    assertThat(submitted.code()).isEqualTo(1100);
    VendorCloses.Answer duplicate = vendor.submit(JARS.baseUrl(1), "open", "jar-stream");
    assertThat(duplicate.code()).as("the second jar knows the stream the first opened").isEqualTo(1100);

    VendorCloses.Answer closed = vendor.close(JARS.baseUrl(1), "open", submitted.requestId());
    VendorCloses.Answer reclosed = vendor.close(JARS.baseUrl(0), "open", submitted.requestId());

    assertThat(closed.code()).isEqualTo(1100);
    assertThat(closed.reason()).as("closing an ACTIVE stream needs no explanation").isNull();
    assertThat(reclosed.code()).isEqualTo(1100);
    assertThat(reclosed.reason()).isEqualTo("stream was already closed");
    assertThat(admin(0).get("/__admin/streams/" + submitted.requestId()).json().path("state").asText())
        .isEqualTo("CLOSED");
  }

  @Test
  void aFaultWithTimesOneAddedOnOneJarFiresOnceAcrossBoth() {
    assertThat(admin(0).post("/__admin/faults", """
        {"match":{"accessKey":"open"},"code":1903,"times":1}""").status()).isEqualTo(201);

    List<Integer> codes = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      codes.add(vendor.close(JARS.baseUrl((i + 1) % 2), "open", "faulted-" + i).code());
    }

    assertThat(codes).containsExactly(1903, 1100, 1100, 1100, 1100, 1100);
    assertThat(admin(1).get("/__admin/faults").items("faults")).singleElement()
        .satisfies(rule -> assertThat(rule.path("fired").asInt()).isEqualTo(1));
  }

  private static long micros(List<String> time) {
    return Long.parseLong(time.get(0)) * 1_000_000 + Long.parseLong(time.get(1));
  }
}
