package io.github.deepcleermock.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.admin.AdminClient;
import io.github.deepcleermock.mock.streams.StreamSpec;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * What the JUnit 5 extension does to test classes, checked by running small {@code *Case} classes through the
 * JUnit Platform's EngineTestKit (they are disabled anywhere else, see {@link OnlyInEngineTestKit}).
 */
class DeepCleerMockExtensionTest {

  private static EngineExecutionResults run(Class<?>... classes) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(Arrays.stream(classes).map(DiscoverySelectors::selectClass).toArray(DiscoverySelector[]::new))
        .configurationParameter(OnlyInEngineTestKit.KEY, "true")
        .execute();
  }

  /** Values the tests of a run published under {@code key} (TestReporter), in publishing order. */
  private static List<String> published(EngineExecutionResults results, String key) {
    return results.allEvents().reportingEntryPublished().stream()
        .map(event -> event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get(key))
        .filter(Objects::nonNull)
        .toList();
  }

  private static void assertStopped(String baseUrl) {
    assertThatThrownBy(() -> HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(baseUrl + "/__admin/health")).build(), HttpResponse.BodyHandlers.discarding()))
        .as("the server at %s is stopped", baseUrl)
        .isInstanceOf(ConnectException.class);
  }

  /** The state a test may leave behind, and a check that none is there. */
  static void assertBaselineThenDirty(DeepCleerMock mock) {
    AdminClient http = AdminClient.of(mock);
    assertThat(mock.journal().all()).as("journal at the start of a test").isEmpty();
    assertThat(mock.faults().list()).as("faults at the start of a test").isEmpty();
    assertThat(mock.accounts().keys()).as("accounts at the start of a test").doesNotContain("left-over");
    assertThat(http.closeCode("YOUR_ACCESS_KEY", "r1")).isEqualTo(1100);
    http.put("/__admin/accounts/left-over", "{}");
    http.post("/__admin/faults", "{\"code\":1903}");
  }

  @Test
  void aStaticFieldGivesOneServerPerClassRestoredBeforeEachTestAndStoppedAfterTheClass() {
    EngineExecutionResults results = run(PerClassCase.class);

    results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
    assertThat(published(results, "port")).hasSize(3).containsOnly(published(results, "port").get(0));
    assertStopped(published(results, "baseUrl").get(0));
  }

  @Test
  void anInstanceFieldGivesEachTestItsOwnServerAndStopsItAfterTheTest() {
    PerTestCase.previous.set(null);

    EngineExecutionResults results = run(PerTestCase.class);

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(PerTestCase.previous.get().isClosed()).isTrue();
    published(results, "baseUrl").forEach(DeepCleerMockExtensionTest::assertStopped);
  }

  @Test
  void theMockIsInjectedIntoLifecycleMethodsAndTests() {
    EngineExecutionResults results = run(ParameterCase.class);

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  @Test
  void theAnnotationGivesADefaultMockPerClassRestoredBeforeEachTest() {
    EngineExecutionResults results = run(AnnotationCase.class);

    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(published(results, "port")).hasSize(2).containsOnly(published(results, "port").get(0));
    assertStopped(published(results, "baseUrl").get(0));
  }

  @Test
  void nestedClassesShareTheOuterServerAndNothingOutlivesTheOuterClass() {
    EngineExecutionResults results = run(NestedCase.class);

    results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
    assertThat(published(results, "port")).hasSize(3).containsOnly(published(results, "port").get(0));
    assertStopped(published(results, "baseUrl").get(0));
  }

  @Test
  void failOnUnknownStreamsFailsExactlyTheTestWhoseCloseHitAnUnknownId() {
    EngineExecutionResults results = run(FailOnUnknownCase.class);

    results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(2).failed(2));
    results.testEvents().failed().assertThatEvents().haveExactly(1, event(test("closesAnUnknownStream"),
        finishedWithFailure(instanceOf(AssertionError.class),
            message(m -> m.contains("'ghost'") && m.contains("failOnUnknownStreams(false)")))));
    results.testEvents().failed().assertThatEvents().haveExactly(1, event(test("failsForItsOwnReason"),
        finishedWithFailure(message("its own reason"))));
  }

  @Test
  void withoutFailOnUnknownStreamsAnUnknownCloseIsFine() {
    run(LenientCase.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Test
  void parallelTestClassesEachGetTheirOwnServer() {
    ParallelCaseA.barrier.set(new CyclicBarrier(2));

    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(ParallelCaseA.class), selectClass(ParallelCaseB.class))
        .configurationParameter(OnlyInEngineTestKit.KEY, "true")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.default", "same_thread")
        .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
        .execute();

    // Both tests met at the barrier, so both servers were up at the same time.
    results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    assertThat(published(results, "port")).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void theMockOutsideATestsLifecycleSaysHowToRegisterTheExtension() {
    DeepCleerMockExtension extension = DeepCleerMockExtension.newInstance();

    assertThatThrownBy(extension::mock).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("@RegisterExtension");
    assertThatThrownBy(extension::baseUrl).isInstanceOf(IllegalStateException.class);
  }

  // ---- The classes run above; disabled in a normal run. ----

  @ExtendWith(OnlyInEngineTestKit.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerClassCase {

    @RegisterExtension
    static DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance();

    @Test
    @Order(1)
    void first(TestReporter reporter) {
      report(reporter);
    }

    @Test
    @Order(2)
    void second(TestReporter reporter) {
      report(reporter);
    }

    @Test
    @Order(3)
    void third(TestReporter reporter) {
      report(reporter);
    }

    private static void report(TestReporter reporter) {
      assertBaselineThenDirty(deepcleer.mock());
      reporter.publishEntry("port", String.valueOf(deepcleer.mock().port()));
      reporter.publishEntry("baseUrl", deepcleer.baseUrl());
    }
  }

  @ExtendWith(OnlyInEngineTestKit.class)
  static class PerTestCase {

    static final AtomicReference<DeepCleerMock> previous = new AtomicReference<>();

    @RegisterExtension
    DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance();

    @Test
    void first(TestReporter reporter) {
      check(reporter);
    }

    @Test
    void second(TestReporter reporter) {
      check(reporter);
    }

    private void check(TestReporter reporter) {
      DeepCleerMock mine = deepcleer.mock();
      DeepCleerMock before = previous.getAndSet(mine);
      if (before != null) {
        assertThat(before).isNotSameAs(mine);
        assertThat(before.isClosed()).as("the previous test's server").isTrue();
      }
      assertBaselineThenDirty(mine);
      reporter.publishEntry("baseUrl", mine.baseUrl());
    }
  }

  @ExtendWith(OnlyInEngineTestKit.class)
  static class ParameterCase {

    static final AtomicReference<DeepCleerMock> fromBeforeAll = new AtomicReference<>();

    @RegisterExtension
    static DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance().configure(b -> b.account("key-1"));

    private DeepCleerMock fromBeforeEach;

    @BeforeAll
    static void all(DeepCleerMock mock) {
      fromBeforeAll.set(mock);
    }

    @BeforeEach
    void each(DeepCleerMock mock) {
      fromBeforeEach = mock;
    }

    @Test
    void aTestParameter(DeepCleerMock mock) {
      assertThat(mock).isSameAs(deepcleer.mock()).isSameAs(fromBeforeEach).isSameAs(fromBeforeAll.get());
      assertThat(AdminClient.of(mock).closeCode("key-1", "r1")).as("configured through the builder").isEqualTo(1100);
    }

    @Test
    void aTestWithoutTheParameter() {
      assertThat(fromBeforeEach).isSameAs(deepcleer.mock());
    }
  }

  @ExtendWith(OnlyInEngineTestKit.class)
  @DeepCleerMockTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class AnnotationCase {

    @Test
    @Order(1)
    void first(DeepCleerMock mock, TestReporter reporter) {
      assertBaselineThenDirty(mock);
      reporter.publishEntry("port", String.valueOf(mock.port()));
      reporter.publishEntry("baseUrl", mock.baseUrl());
    }

    @Test
    @Order(2)
    void second(DeepCleerMock mock, TestReporter reporter) {
      assertBaselineThenDirty(mock);
      reporter.publishEntry("port", String.valueOf(mock.port()));
    }
  }

  @ExtendWith(OnlyInEngineTestKit.class)
  static class NestedCase {

    @RegisterExtension
    static DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance();

    @Test
    void outer(TestReporter reporter) {
      assertBaselineThenDirty(deepcleer.mock());
      reporter.publishEntry("port", String.valueOf(deepcleer.mock().port()));
      reporter.publishEntry("baseUrl", deepcleer.baseUrl());
    }

    @Nested
    class Inner {

      @Test
      void first(DeepCleerMock mock, TestReporter reporter) {
        assertBaselineThenDirty(mock);
        reporter.publishEntry("port", String.valueOf(mock.port()));
      }

      @Test
      void second(DeepCleerMock mock, TestReporter reporter) {
        assertBaselineThenDirty(mock);
        reporter.publishEntry("port", String.valueOf(mock.port()));
      }
    }
  }

  @ExtendWith(OnlyInEngineTestKit.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class FailOnUnknownCase {

    @RegisterExtension
    static DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance()
        .configure(b -> b.stream(StreamSpec.builder().accessKey("YOUR_ACCESS_KEY").requestId("known").build()))
        .failOnUnknownStreams(true);

    @Test
    @Order(1)
    void closesAKnownStream() {
      assertThat(AdminClient.of(deepcleer.mock()).closeCode("YOUR_ACCESS_KEY", "known")).isEqualTo(1100);
    }

    @Test
    @Order(2)
    void closesAnUnknownStream() {
      assertThat(AdminClient.of(deepcleer.mock()).closeCode("YOUR_ACCESS_KEY", "ghost")).isEqualTo(1100);
    }

    @Test
    @Order(3)
    void failsForItsOwnReason() {
      AdminClient.of(deepcleer.mock()).closeCode("YOUR_ACCESS_KEY", "ghost");
      throw new AssertionError("its own reason");
    }

    @Test
    @Order(4)
    void runsAfterTheUnknownClosesOnAFreshJournal() {
      assertThat(AdminClient.of(deepcleer.mock()).closeCode("YOUR_ACCESS_KEY", "known")).isEqualTo(1100);
    }
  }

  @ExtendWith(OnlyInEngineTestKit.class)
  static class LenientCase {

    @RegisterExtension
    static DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance();

    @Test
    void closesAnUnknownStream() {
      assertThat(AdminClient.of(deepcleer.mock()).closeCode("YOUR_ACCESS_KEY", "ghost")).isEqualTo(1100);
    }
  }

  @ExtendWith(OnlyInEngineTestKit.class)
  static class ParallelCaseA {

    static final AtomicReference<CyclicBarrier> barrier = new AtomicReference<>();

    @RegisterExtension
    static DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance().configure(b -> b.account("key-a"));

    @Test
    void meetsTheOtherClass(TestReporter reporter) throws Exception {
      meet(deepcleer.mock(), "key-a", reporter);
    }

    static void meet(DeepCleerMock mock, String key, TestReporter reporter) throws Exception {
      assertThat(AdminClient.of(mock).closeCode(key, "r1")).isEqualTo(1100);
      barrier.get().await(20, TimeUnit.SECONDS);
      assertThat(mock.journal().all()).as("only this class's requests").hasSize(1);
      reporter.publishEntry("port", String.valueOf(mock.port()));
    }
  }

  @ExtendWith(OnlyInEngineTestKit.class)
  static class ParallelCaseB {

    @RegisterExtension
    static DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance().configure(b -> b.account("key-b"));

    @Test
    void meetsTheOtherClass(TestReporter reporter) throws Exception {
      ParallelCaseA.meet(deepcleer.mock(), "key-b", reporter);
    }
  }
}
