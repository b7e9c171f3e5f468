package io.github.deepcleermock.mock.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.faults.FaultMatch;
import io.github.deepcleermock.mock.faults.FaultRule;
import io.github.deepcleermock.mock.faults.FaultRules;
import io.github.deepcleermock.mock.faults.FaultSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every fault-rule store does, run against memory and Redis. */
public abstract class FaultRulesContract extends ControlContract {

  private FaultRules faults() {
    return control.faults();
  }

  @Test
  void rulesAreListedInCreationOrderAndTheFirstMatchingOneFires() {
    FaultRule forKey = faults().add(FaultSpec.code(FaultMatch.byAccessKey("A"), 1903));
    FaultRule any = faults().add(FaultSpec.code(FaultMatch.ANY, 1901));
    assertThat(faults().list()).extracting(FaultRule::id).containsExactly(forKey.id(), any.id());
    assertThat(faults().list().get(0).spec()).isEqualTo(forKey.spec());
    assertThat(faults().fire("A", "r1").id()).isEqualTo(forKey.id());
    assertThat(faults().fire("B", "r1").id()).isEqualTo(any.id());
  }

  @Test
  void aRuleWithTimesFiresExactlyThatOftenAndCountsItsFirings() {
    FaultRule rule = faults().add(FaultSpec.code(FaultMatch.byRequestId("r"), 1903).withTimes(2));
    assertThat(faults().fire("A", "other")).isNull();
    assertThat(faults().fire("A", "r")).isNotNull();
    assertThat(faults().fire("B", "r")).isNotNull();
    assertThat(faults().fire("A", "r")).isNull();
    FaultRule listed = faults().find(rule.id()).orElseThrow();
    assertThat(listed.fired()).isEqualTo(2);
    assertThat(listed.remaining()).isZero();
  }

  @Test
  void aRemovedRuleNoLongerFiresAndRemovingAnUnknownIdAnswersFalse() {
    FaultRule rule = faults().add(FaultSpec.code(FaultMatch.ANY, 1903));
    assertThat(faults().remove(rule.id())).isTrue();
    assertThat(faults().remove(rule.id())).isFalse();
    assertThat(faults().remove("")).isFalse();
    assertThat(faults().fire("A", "r")).isNull();
    assertThat(faults().find(rule.id())).isEmpty();
  }

  @Test
  void clearAndRestoreLeaveNoRules() {
    faults().add(FaultSpec.code(FaultMatch.ANY, 1903));
    faults().clear();
    assertThat(faults().list()).isEmpty();
    faults().add(FaultSpec.delay(FaultMatch.ANY, 5).withMessage(null).withProbability(0.5));
    control.restore(baseline());
    assertThat(faults().list()).isEmpty();
    assertThat(faults().fire("A", "r")).isNull();
  }

  @Test
  void everyFieldOfASpecIsKept() {
    FaultSpec spec =
        new FaultSpec(FaultMatch.byAccessKey("k").withRequestId("r"), 1905, "m", 12, 3, 0.25, null);
    faults().add(spec);
    faults().add(FaultSpec.transport(FaultMatch.ANY, io.github.deepcleermock.mock.faults.TransportFault.HTTP_502));
    assertThat(faults().list()).extracting(FaultRule::spec)
        .containsExactly(spec, FaultSpec.transport(FaultMatch.ANY,
            io.github.deepcleermock.mock.faults.TransportFault.HTTP_502));
    assertThat(faults().seed()).isEqualTo(42L);
  }

  @Test
  void racingThreadsFireARuleWithTimesExactlyThatOften() throws Exception {
    FaultRule rule = faults().add(FaultSpec.code(FaultMatch.ANY, 1903).withTimes(5));
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> counts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        counts.add(pool.submit(() -> {
          start.await();
          int fired = 0;
          for (int i = 0; i < 50; i++) {
            if (faults().fire("A", "r") != null) {
              fired++;
            }
          }
          return fired;
        }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> count : counts) {
        total += count.get(30, TimeUnit.SECONDS);
      }
      assertThat(total).isEqualTo(5);
      assertThat(faults().find(rule.id()).orElseThrow().fired()).isEqualTo(5);
    } finally {
      pool.shutdownNow();
    }
  }
}
