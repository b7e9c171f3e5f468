package io.github.deepcleermock.mock.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.admin.AdminClient;
import io.github.deepcleermock.mock.callbacks.CallbackReceiver;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.time.MockClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The baseline: {@code POST /__admin/reset} and a provider-state teardown put back everything a test can change,
 * so nothing leaks from one test to the next.
 */
class BaselineResetAcceptanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration IDLE = Duration.ofSeconds(10);

  private CallbackReceiver receiver;
  private MockClock clock;
  private DeepCleerMock mock;
  private AdminClient admin;

  @BeforeEach
  void start() {
    receiver = CallbackReceiver.start();
    clock = new MockClock();
    mock = DeepCleerMock.builder()
        .clock(clock)
        .account(new Account("key-1", 2, 5, Set.of("finish"), false))
        .account(Account.of("key-2"))
        .stream(StreamSpec.builder().accessKey("key-1").requestId("configured").dupRequestIds(List.of("configured-dup")).imgCallback(receiver.url("/img")).returnFinishInfo(1).build())
        .start();
    admin = AdminClient.of(mock);
  }

  @AfterEach
  void stop() {
    mock.close();
    receiver.close();
  }

  /** Restores the baseline through the admin API, one way or the other. */
  private Consumer<AdminClient> restore(String how) {
    return switch (how) {
      case "reset" -> client -> assertThat(client.post("/__admin/reset", null).json().path("status").asText())
          .isEqualTo("baseline restored");
      case "teardown" -> client -> assertThat(client.post("/__admin/provider-states",
          "{\"state\":\"QPS limit is exhausted\",\"params\":{\"accessKey\":\"key-1\"},\"action\":\"teardown\"}")
          .json().toString()).isEqualTo("{}");
      default -> throw new IllegalArgumentException(how);
    };
  }

  /** Everything the control plane shows, without the instants a re-seeded stream gets anew. */
  private JsonNode observableState() {
    ObjectNode state = JSON.createObjectNode();
    state.set("accounts", admin.get("/__admin/accounts").json());
    JsonNode streams = admin.get("/__admin/streams").json().deepCopy();
    streams.path("streams").forEach(s -> ((ObjectNode) s).remove("openedAt"));
    state.set("streams", streams);
    state.set("faults", admin.get("/__admin/faults").json());
    state.set("requests", admin.get("/__admin/requests").json());
    state.set("callbacks", admin.get("/__admin/callbacks").json());
    state.put("clockTasks", clock.pendingTasks());
    return state;
  }

  @ParameterizedTest
  @ValueSource(strings = {"reset", "teardown"})
  void everythingATestCanChangeIsPutBack(String how) throws Exception {
    JsonNode baseline = observableState();
    // Buckets, flags, accounts, streams, faults, journal, a pending callback retry and a held answer.
    assertThat(admin.closeCode("key-1", "x")).isEqualTo(1100);
    assertThat(admin.closeCode("key-1", "x")).isEqualTo(1100);
    assertThat(admin.closeCode("key-1", "x")).as("bucket of 2 is empty").isEqualTo(1901);
    admin.put("/__admin/accounts/key-2", "{\"streamLimitReached\":true,\"qps\":9}");
    admin.put("/__admin/accounts/key-3", "{}");
    admin.post("/__admin/provider-states", "{\"state\":\"QPS limit is exhausted\",\"params\":{\"accessKey\":\"key-3\"}}");
    admin.post("/__admin/streams", "{\"requestId\":\"seeded\",\"accessKey\":\"key-2\"}");
    receiver.answer(500);
    clock.advance(Duration.ofSeconds(1));
    assertThat(admin.closeCode("key-1", "configured")).isEqualTo(1100);
    mock.awaitCallbacksIdle(IDLE);
    // Beside the running streams' next frames (due within 3 s), the retry waits 5 s.
    assertThat(clock.pendingDelays()).as("a callback retry is scheduled").contains(Duration.ofSeconds(5));
    admin.post("/__admin/faults", "{\"match\":{\"requestId\":\"slow\"},\"delayMs\":60000}");
    admin.post("/__admin/faults", "{\"code\":1903,\"match\":{\"accessKey\":\"key-2\"}}");
    CompletableFuture<HttpResponse<String>> held = closeAsync("key-1", "slow");
    awaitJournaled("slow");
    assertThat(held).as("the answer waits for a 60 s delay on a clock that stands still").isNotDone();

    restore(how).accept(admin);

    assertThat(held.get(5, TimeUnit.SECONDS).body()).as("the held answer was sent at once").contains("\"code\":");
    assertThat(observableState()).isEqualTo(baseline);
    assertThat(admin.get("/__admin/streams/configured").json().path("state").asText()).isEqualTo("ACTIVE");
    clock.advance(Duration.ofMinutes(10));
    mock.awaitCallbacksIdle(IDLE);
    assertThat(receiver.count()).as("the cancelled retry never ran").isEqualTo(1);
    // Full buckets and cleared flags, seen through the vendor endpoint.
    assertThat(admin.closeCode("key-1", "x")).isEqualTo(1100);
    assertThat(admin.closeCode("key-1", "x")).isEqualTo(1100);
    assertThat(admin.closeCode("key-2", "x")).isEqualTo(1100);
    assertThat(admin.closeCode("key-3", "x")).isEqualTo(9101);
    // The configured stream is ACTIVE again, so closing it sends its callback again.
    assertThat(admin.closeCode("key-2", "seeded")).as("seeded stream is gone").isEqualTo(1100);
    clock.advance(Duration.ofSeconds(1));
    assertThat(admin.closeCode("key-1", "configured-dup")).isEqualTo(1100);
    mock.awaitCallbacksIdle(IDLE);
    assertThat(receiver.count()).isEqualTo(2);
  }

  // A teardown first gives an attempt in flight its time (TeardownDeliversCallbacksAcceptanceTest); a reset does not.
  @ParameterizedTest
  @ValueSource(strings = {"reset"})
  void anAttemptInFlightAtTheResetLeavesNoTrace(String how) {
    receiver.hang();
    admin.close("key-1", "configured");
    assertThat(mock.callbacks().inFlight()).isEqualTo(1);

    restore(how).accept(admin);
    receiver.release();
    mock.awaitCallbacksIdle(IDLE);

    assertThat(admin.get("/__admin/callbacks").items("callbacks")).isEmpty();
    // The restarted baseline stream has nothing due either: its frames are quiet (no script, returnAllImg 0).
    assertThat(clock.pendingDelays()).as("no retry left behind").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"reset", "teardown"})
  void theFaultGeneratorStartsAgainFromItsSeed(String how) {
    List<Integer> first = flakyCodes();

    restore(how).accept(admin);

    assertThat(flakyCodes()).isEqualTo(first).contains(1100, 1903);
  }

  private List<Integer> flakyCodes() {
    admin.post("/__admin/faults", "{\"code\":1903,\"probability\":0.5,\"match\":{\"accessKey\":\"key-2\"}}");
    List<Integer> codes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      codes.add(admin.closeCode("key-2", "r" + i));
    }
    return codes;
  }

  private CompletableFuture<HttpResponse<String>> closeAsync(String accessKey, String requestId) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/finish_videostream/v4"))
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"accessKey\":\"" + accessKey + "\",\"requestId\":\"" + requestId + "\"}", StandardCharsets.UTF_8))
        .build();
    return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Waits until the mock has decided the request (the journal records it before any delay). */
  private void awaitJournaled(String requestId) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (mock.journal().all().stream().noneMatch(e -> requestId.equals(e.requestId()))) {
      assertThat(System.nanoTime()).as("request %s reached the mock", requestId).isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
