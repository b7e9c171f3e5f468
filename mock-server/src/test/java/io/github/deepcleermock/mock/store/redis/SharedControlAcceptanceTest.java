package io.github.deepcleermock.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.faults.FaultMatch;
import io.github.deepcleermock.mock.faults.FaultRule;
import io.github.deepcleermock.mock.faults.FaultSpec;
import io.github.deepcleermock.mock.simulation.RiskLevel;
import io.github.deepcleermock.mock.simulation.ScenarioMatch;
import io.github.deepcleermock.mock.simulation.ScenarioSpec;
import io.github.deepcleermock.mock.simulation.Script;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two mocks in one JVM on one real redis-server behave as one service for accounts, faults, scenarios, provider
 * states and resets: a change that returned on one is in force on the other's next request.
 */
class SharedControlAcceptanceTest {

  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private static final Account KEY = new Account("SHARED", 1000, 100, Account.DEFAULT_PERMISSIONS, false);

  private final VendorCloses vendor = new VendorCloses();
  private final AdminCalls admin = new AdminCalls();
  private DeepCleerMock a;
  private DeepCleerMock b;

  @BeforeEach
  void startTwoInstances() {
    a = DeepCleerMock.builder().account(KEY).store(REDIS.uri()).start();
    b = DeepCleerMock.builder().account(KEY).store(REDIS.uri()).start();
    // One Redis per class: the previous test's changes go, for the whole group.
    a.reset();
  }

  @AfterEach
  void stopThem() {
    a.close();
    b.close();
  }

  @Test
  void anAccountAddedOnOneInstanceAuthorizesOnTheOtherAtOnce() {
    assertThat(vendor.close(b.baseUrl(), "NEW-KEY", "r0").code()).isEqualTo(9101);
    AdminCalls.Answer put = admin.put(a.baseUrl() + "/__admin/accounts/NEW-KEY", "{\"qps\":5}");
    assertThat(put.status()).isEqualTo(200);
    assertThat(vendor.close(b.baseUrl(), "NEW-KEY", "r1").code()).isEqualTo(1100);
    assertThat(b.accounts().account("NEW-KEY").orElseThrow().qps()).isEqualTo(5);

    assertThat(admin.delete(b.baseUrl() + "/__admin/accounts/NEW-KEY").status()).isEqualTo(204);
    assertThat(vendor.close(a.baseUrl(), "NEW-KEY", "r2").code()).isEqualTo(9101);
  }

  @Test
  void aFaultWithTimesOneHitByBothInstancesUnderRealThreadsFiresExactlyOnce() throws Exception {
    AdminCalls.Answer added =
        admin.post(a.baseUrl() + "/__admin/faults", "{\"match\":{\"accessKey\":\"SHARED\"},\"code\":1903,\"times\":1}");
    assertThat(added.status()).isEqualTo(201);
    int threads = 8;
    int perThread = 10;
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger succeeded = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Void>> senders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      senders.add(() -> {
        start.await();
        for (int i = 0; i < perThread; i++) {
          String baseUrl = (i + thread) % 2 == 0 ? a.baseUrl() : b.baseUrl();
          int code = vendor.close(baseUrl, "SHARED", "r-" + thread + "-" + i).code();
          (code == 1903 ? failed : succeeded).incrementAndGet();
        }
        return null;
      });
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Void>> done = new ArrayList<>();
      for (Callable<Void> sender : senders) {
        done.add(pool.submit(sender));
      }
      start.countDown();
      for (Future<Void> each : done) {
        each.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(failed.get()).as("1903s across both instances").isEqualTo(1);
    assertThat(succeeded.get()).isEqualTo(threads * perThread - 1);
    AdminCalls.Answer listed = admin.get(b.baseUrl() + "/__admin/faults");
    assertThat(listed.body().at("/faults/0/fired").asInt()).isEqualTo(1);
    assertThat(listed.body().at("/faults/0/remaining").asInt()).isZero();
  }

  @Test
  void aFaultDeletedOnOneInstanceNoLongerFiresOnTheOther() {
    FaultRule rule = a.faults().add(FaultSpec.code(FaultMatch.byAccessKey("SHARED"), 1903));
    assertThat(vendor.close(a.baseUrl(), "SHARED", "r1").code()).isEqualTo(1903);
    assertThat(vendor.close(b.baseUrl(), "SHARED", "r2").code()).isEqualTo(1903);
    assertThat(admin.delete(b.baseUrl() + "/__admin/faults/" + rule.id()).status()).isEqualTo(204);
    assertThat(vendor.close(a.baseUrl(), "SHARED", "r3").code()).isEqualTo(1100);
  }

  @Test
  void aScenarioAddedOnOneInstanceShapesAStreamSubmittedOnTheOther() {
    AdminCalls.Answer added = admin.post(a.baseUrl() + "/__admin/scenarios",
        "{\"match\":{\"tokenId\":\"room-42\"},\"script\":{\"frames\":[{\"at\":6,\"riskLevel\":\"REJECT\"}]}}");
    assertThat(added.status()).as(added.body().toString()).isEqualTo(201);

    VendorCloses.Answer submitted = vendor.submit(b.baseUrl(), "SHARED", "room-42");
    assertThat(submitted.code()).isEqualTo(1100);
    Script script = b.streams().list("SHARED", StreamState.ACTIVE).stream()
        .filter(stream -> "room-42".equals(stream.spec().data().path("tokenId").asText()))
        .map(stream -> b.streams().progress(stream.requestId()).orElseThrow().script())
        .findFirst()
        .orElseThrow();
    assertThat(script.frames()).hasSize(1);
    assertThat(script.frames().get(0).at()).isEqualTo(6);
    assertThat(script.frames().get(0).verdict().riskLevel()).isEqualTo(RiskLevel.REJECT);

    // The Java API too: a scenario added on B scripts a stream seeded on A at once.
    b.scenarios().add(new ScenarioSpec(
        new ScenarioMatch("SHARED", null, null, null), Script.NONE.withFrame(9, RiskLevel.REVIEW)));
    a.streams().open(StreamSpec.builder().accessKey("SHARED").requestId("seeded-on-a").build());
    Script seeded = a.streams().progress("seeded-on-a").orElseThrow().script();
    assertThat(seeded.frames()).extracting(frame -> frame.at()).containsExactly(9L);
  }

  @Test
  void aResetOnOneInstanceClearsTheFaultsAndRestoresTheAccountsOfTheOther() {
    b.faults().add(FaultSpec.code(FaultMatch.ANY, 1903));
    b.accounts().remove("SHARED");
    b.accounts().put(Account.of("EXTRA"));
    assertThat(admin.post(a.baseUrl() + "/__admin/reset", "").status()).isEqualTo(200);
    assertThat(vendor.close(b.baseUrl(), "SHARED", "r1").code()).isEqualTo(1100);
    assertThat(vendor.close(b.baseUrl(), "EXTRA", "r2").code()).isEqualTo(9101);
    assertThat(b.faults().list()).isEmpty();
  }

  @Test
  void providerStatesSetOnOneInstanceActOnTheOther() {
    AdminCalls.Answer exhausted = admin.post(a.baseUrl() + "/__admin/provider-states",
        "{\"state\":\"QPS limit is exhausted\",\"params\":{\"accessKey\":\"SHARED\"}}");
    assertThat(exhausted.status()).isEqualTo(200);
    VendorCloses.Answer frozen = vendor.close(b.baseUrl(), "SHARED", "r1");
    assertThat(frozen.code()).isEqualTo(1901);
    assertThat(frozen.reason()).contains("frozen");

    admin.post(a.baseUrl() + "/__admin/provider-states",
        "{\"state\":\"access key is not authorized\",\"params\":{\"accessKey\":\"OTHER\"}}");
    assertThat(vendor.close(b.baseUrl(), "OTHER", "r2").code()).isEqualTo(9101);
    admin.post(b.baseUrl() + "/__admin/provider-states",
        "{\"state\":\"access key is authorized\",\"params\":{\"accessKey\":\"OTHER\"}}");
    assertThat(vendor.close(a.baseUrl(), "OTHER", "r3").code()).isEqualTo(1100);

    admin.post(a.baseUrl() + "/__admin/provider-states",
        "{\"state\":\"stream count limit is reached\",\"params\":{\"accessKey\":\"OTHER\"}}");
    assertThat(vendor.close(b.baseUrl(), "OTHER", "r4").code()).isEqualTo(1904);

    admin.post(b.baseUrl() + "/__admin/provider-states",
        "{\"state\":\"service is failing\",\"params\":{\"accessKey\":\"OTHER\"}}");
    assertThat(vendor.close(a.baseUrl(), "OTHER", "r5").code()).isEqualTo(1903);

    admin.post(b.baseUrl() + "/__admin/provider-states",
        "{\"state\":\"stream count limit is reached\",\"action\":\"teardown\"}");
    assertThat(vendor.close(a.baseUrl(), "SHARED", "r6").code()).as("teardown restores the group").isEqualTo(1100);
    assertThat(vendor.close(b.baseUrl(), "OTHER", "r7").code()).isEqualTo(9101);
  }

  @Test
  void aSecondInstanceStartingWithTheSameConfigurationKeepsTheGroupsChanges() {
    a.accounts().put(Account.of("ADDED"));
    try (DeepCleerMock c = DeepCleerMock.builder().account(KEY).store(REDIS.uri()).start()) {
      assertThat(vendor.close(c.baseUrl(), "ADDED", "r1").code()).isEqualTo(1100);
    }
    assertThat(vendor.close(b.baseUrl(), "ADDED", "r2").code()).isEqualTo(1100);
  }
}
