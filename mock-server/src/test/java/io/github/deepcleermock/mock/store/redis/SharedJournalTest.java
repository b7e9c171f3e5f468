package io.github.deepcleermock.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.admin.AdminClient;
import io.github.deepcleermock.mock.callbacks.CallbackReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two mock instances in one JVM on one real Redis keep one journal and one callback log. */
class SharedJournalTest {

  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private static final Duration VISIBLE = Duration.ofSeconds(10);

  private static DeepCleerMock instance(int journalSize) {
    // A qps no test reaches: the closes here are about the journal, not the shared limiter.
    Account key = new Account("key-1", 1_000_000, 100, Account.DEFAULT_PERMISSIONS, false);
    return DeepCleerMock.builder().account(key).journalSize(journalSize).store(REDIS.uri()).start();
  }

  /**
   * The journal as {@code admin} lists it once {@code until} holds: a write is sent without waiting, so another
   * instance sees it a moment after the answer (never later than Redis takes it).
   */
  private static List<String> requestIds(AdminClient admin, Predicate<List<String>> until) {
    Instant deadline = Instant.now().plus(VISIBLE);
    List<String> ids = admin.get("/__admin/requests").texts("requests", "requestId");
    while (!until.test(ids) && Instant.now().isBefore(deadline)) {
      ids = admin.get("/__admin/requests").texts("requests", "requestId");
    }
    return ids;
  }

  @Test
  void requestsAnsweredByEitherInstanceAreListedOnBothInOrderAndTheCapHoldsForTheGroup() {
    try (DeepCleerMock a = instance(4); DeepCleerMock b = instance(4)) {
      a.reset();
      AdminClient onA = AdminClient.of(a);
      AdminClient onB = AdminClient.of(b);
      for (int i = 1; i <= 6; i++) {
        AdminClient answering = i % 2 == 1 ? onA : onB;
        AdminClient other = i % 2 == 1 ? onB : onA;
        String id = "r" + i;
        assertThat(answering.closeCode("key-1", id)).isEqualTo(1100);
        // Each close is seen by the other instance before the next one is sent: the order is the group's.
        assertThat(requestIds(other, ids -> ids.contains(id))).contains(id);
      }

      List<String> expected = List.of("r6", "r5", "r4", "r3");
      assertThat(onA.get("/__admin/requests").texts("requests", "requestId")).isEqualTo(expected);
      assertThat(onB.get("/__admin/requests").texts("requests", "requestId")).isEqualTo(expected);
      List<JsonNode> entries = onB.get("/__admin/requests").items("requests");
      assertThat(entries).extracting(e -> e.path("seq").asLong())
          .isSortedAccordingTo((x, y) -> Long.compare(y, x)).doesNotHaveDuplicates();
      assertThat(onA.get("/__admin/requests?requestId=r5").texts("requests", "requestId")).containsExactly("r5");
      assertThat(a.journal().all()).hasSize(4);
      assertThat(b.journal().all()).hasSize(4);
    }
  }

  @Test
  void closesFromManyThreadsOnBothInstancesAreEachJournaledOnceWithConsecutiveNumbers() throws Exception {
    int threads = 8;
    int closesPerThread = 25;
    int total = threads * closesPerThread;
    try (DeepCleerMock a = instance(1000); DeepCleerMock b = instance(1000)) {
      a.reset();
      VendorCloses closes = new VendorCloses();
      List<Callable<Void>> senders = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        senders.add(() -> {
          for (int i = 0; i < closesPerThread; i++) {
            DeepCleerMock to = (i + thread) % 2 == 0 ? a : b;
            assertThat(closes.close(to.baseUrl(), "key-1", "t" + thread + "-" + i).code()).isEqualTo(1100);
          }
          return null;
        });
      }
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        for (Future<Void> done : pool.invokeAll(senders)) {
          done.get();
        }
      } finally {
        pool.shutdown();
      }

      List<JsonNode> entries = AdminClient.of(b).get("/__admin/requests").items("requests");
      Instant deadline = Instant.now().plus(VISIBLE);
      while (entries.size() < total && Instant.now().isBefore(deadline)) {
        entries = AdminClient.of(b).get("/__admin/requests").items("requests");
      }
      assertThat(entries).extracting(e -> e.path("requestId").asText()).hasSize(total).doesNotHaveDuplicates();
      List<Long> numbers = entries.stream().map(e -> e.path("seq").asLong()).toList();
      // Newest first, one number each, none skipped: numbering and appending were one step for all writers.
      for (int i = 1; i < numbers.size(); i++) {
        assertThat(numbers.get(i)).isEqualTo(numbers.get(i - 1) - 1);
      }
      assertThat(a.journal().find(io.github.deepcleermock.mock.journal.Journal.Filter.ALL, total + 1)).hasSize(total);
    }
  }

  @Test
  void startingOrClosingAnInstanceKeepsTheGroupsJournal() {
    try (DeepCleerMock a = instance(100)) {
      a.reset();
      assertThat(AdminClient.of(a).closeCode("key-1", "kept")).isEqualTo(1100);
      try (DeepCleerMock b = instance(100)) {
        assertThat(requestIds(AdminClient.of(b), ids -> !ids.isEmpty())).containsExactly("kept");
      }
      assertThat(AdminClient.of(a).get("/__admin/requests").texts("requests", "requestId")).containsExactly("kept");
    }
  }

  @Test
  void aResetOnOneInstanceEmptiesTheJournalAndTheCallbackLogThatTheOtherShows() {
    try (DeepCleerMock a = instance(100); DeepCleerMock b = instance(100);
        CallbackReceiver receiver = CallbackReceiver.start()) {
      a.reset();
      AdminClient onA = AdminClient.of(a);
      AdminClient onB = AdminClient.of(b);
      String stream = "{\"requestId\":\"s1\",\"accessKey\":\"key-1\",\"imgCallback\":\"" + receiver.url("/img")
          + "\",\"returnFinishInfo\":1,\"data\":{\"streamType\":\"NORMAL\",\"url\":\"rtmp://live.test/live/1\","
          + "\"tokenId\":\"u1\"}}";
      assertThat(onB.post("/__admin/streams", stream).status()).isEqualTo(201);
      assertThat(onB.closeCode("key-1", "s1")).isEqualTo(1100);
      assertThat(onA.closeCode("key-1", "on-a")).isEqualTo(1100);
      b.callbacks().awaitCallback("s1", 1, VISIBLE);
      b.awaitCallbacksIdle(VISIBLE);

      // B's delivered end callback, attempts and payload, read on A.
      Instant deadline = Instant.now().plus(VISIBLE);
      List<JsonNode> attempts = onA.get("/__admin/callbacks").items("callbacks");
      while ((attempts.isEmpty() || !attempts.get(0).path("outcome").asText().equals("DELIVERED"))
          && Instant.now().isBefore(deadline)) {
        attempts = onA.get("/__admin/callbacks").items("callbacks");
      }
      assertThat(attempts).hasSize(1);
      assertThat(attempts.get(0).path("streamRequestId").asText()).isEqualTo("s1");
      assertThat(attempts.get(0).path("outcome").asText()).isEqualTo("DELIVERED");
      assertThat(attempts.get(0).path("payload")).isEqualTo(receiver.received().get(0).body());
      assertThat(requestIds(onB, ids -> ids.size() == 2)).containsExactly("on-a", "s1");

      assertThat(onA.post("/__admin/reset", "").status()).isEqualTo(200);

      assertThat(onB.get("/__admin/requests").items("requests")).isEmpty();
      assertThat(onB.get("/__admin/callbacks").items("callbacks")).isEmpty();
    }
  }

  @Test
  void deliveriesOfDifferentInstancesNeverShareAnId() {
    try (DeepCleerMock a = instance(100); DeepCleerMock b = instance(100);
        CallbackReceiver receiver = CallbackReceiver.start()) {
      a.reset();
      for (DeepCleerMock mock : List.of(a, b)) {
        String id = mock == a ? "from-a" : "from-b";
        AdminClient admin = AdminClient.of(mock);
        String stream = "{\"requestId\":\"" + id + "\",\"accessKey\":\"key-1\",\"imgCallback\":\""
            + receiver.url("/img") + "\",\"returnFinishInfo\":1,\"data\":{\"streamType\":\"NORMAL\","
            + "\"url\":\"rtmp://live.test/live/" + id + "\",\"tokenId\":\"u1\"}}";
        assertThat(admin.post("/__admin/streams", stream).status()).isEqualTo(201);
        assertThat(admin.closeCode("key-1", id)).isEqualTo(1100);
        mock.callbacks().awaitCallback(id, 1, VISIBLE);
      }

      assertThat(a.callbacks().attempts()).extracting(attempt -> attempt.deliveryId())
          .hasSize(2).doesNotHaveDuplicates();
    }
  }
}
