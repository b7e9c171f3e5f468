package io.github.deepcleermock.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.admin.AdminClient;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Test methods of one class running at the same time (JUnit's parallel execution on 2 real threads), with the mock
 * in a static field (refused: one server reset before each test) and in an instance field (a server per test).
 */
class ConcurrentTestMethodsTest {

  private static EngineExecutionResults runInParallel(Class<?> testClass, boolean parallel) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(testClass))
        .configurationParameter(OnlyInEngineTestKit.KEY, "true")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", String.valueOf(parallel))
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
        .execute();
  }

  @Test
  void aStaticMockUnderConcurrentMethodsFailsEachTestSayingWhatToDo() {
    StaticMockConcurrentCase.bodiesRun.set(0);

    EngineExecutionResults results = runInParallel(StaticMockConcurrentCase.class, true);

    results.testEvents().assertStatistics(stats -> stats.started(2).failed(2));
    results.testEvents().failed().assertThatEvents().allSatisfy(event -> assertThat(event).is(
        event(test(), finishedWithFailure(
            instanceOf(ExtensionConfigurationException.class),
            message(m -> m.contains("runs concurrently with the other tests of StaticMockConcurrentCase")
                && m.contains("instance field")
                && m.contains("@Execution(ExecutionMode.SAME_THREAD)"))))));
    assertThat(StaticMockConcurrentCase.bodiesRun.get()).as("no test body ran on a shared, reset mock").isZero();
  }

  @Test
  void anInstanceFieldMockGivesConcurrentMethodsAServerEach() {
    InstanceMockConcurrentCase.barrier.set(new CyclicBarrier(2));

    EngineExecutionResults results = runInParallel(InstanceMockConcurrentCase.class, true);

    // Both bodies met at the barrier, so they really ran at the same time, each on its own journal.
    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  @Test
  void theConcurrentAnnotationWithoutParallelExecutionKeepsTheSharedMock() {
    StaticMockConcurrentCase.bodiesRun.set(0);

    EngineExecutionResults results = runInParallel(StaticMockConcurrentCase.class, false);

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(StaticMockConcurrentCase.bodiesRun.get()).isEqualTo(2);
  }

  @Test
  void configureCalledTwiceAppliesBothCalls() {
    results(ConfiguredTwiceCase.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  private static EngineExecutionResults results(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(testClass))
        .configurationParameter(OnlyInEngineTestKit.KEY, "true")
        .execute();
  }

  // ---- The classes run above; disabled in a normal run. ----

  @ExtendWith(OnlyInEngineTestKit.class)
  @Execution(ExecutionMode.CONCURRENT)
  static class StaticMockConcurrentCase {

    static final java.util.concurrent.atomic.AtomicInteger bodiesRun = new java.util.concurrent.atomic.AtomicInteger();

    @RegisterExtension
    static DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance();

    @Test
    void first(DeepCleerMock mock) {
      bodiesRun.incrementAndGet();
      assertThat(AdminClient.of(mock).closeCode("YOUR_ACCESS_KEY", "r1")).isEqualTo(1100);
    }

    @Test
    void second(DeepCleerMock mock) {
      bodiesRun.incrementAndGet();
      assertThat(AdminClient.of(mock).closeCode("YOUR_ACCESS_KEY", "r2")).isEqualTo(1100);
    }
  }

  @ExtendWith(OnlyInEngineTestKit.class)
  @Execution(ExecutionMode.CONCURRENT)
  static class InstanceMockConcurrentCase {

    static final AtomicReference<CyclicBarrier> barrier = new AtomicReference<>();

    @RegisterExtension
    DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance();

    @Test
    void first(DeepCleerMock mock, TestReporter reporter) throws Exception {
      closeMeetAndCheck(mock, "r1");
    }

    @Test
    void second(DeepCleerMock mock, TestReporter reporter) throws Exception {
      closeMeetAndCheck(mock, "r2");
    }

    private static void closeMeetAndCheck(DeepCleerMock mock, String requestId) throws Exception {
      assertThat(AdminClient.of(mock).closeCode("YOUR_ACCESS_KEY", requestId)).isEqualTo(1100);
      barrier.get().await(20, TimeUnit.SECONDS);
      assertThat(mock.journal().all()).singleElement()
          .satisfies(entry -> assertThat(entry.requestId()).isEqualTo(requestId));
    }
  }

  @ExtendWith(OnlyInEngineTestKit.class)
  static class ConfiguredTwiceCase {

    @RegisterExtension
    static DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance()
        .configure(builder -> builder.account("first-key"))
        .configure(builder -> builder.account("second-key"));

    @Test
    void bothAccountsAreRegistered(DeepCleerMock mock) {
      assertThat(mock.accounts().keys()).containsExactlyInAnyOrder("first-key", "second-key");
    }
  }
}
