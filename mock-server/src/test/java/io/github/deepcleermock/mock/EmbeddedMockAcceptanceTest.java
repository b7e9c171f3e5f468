package io.github.deepcleermock.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.admin.AdminClient;
import io.github.deepcleermock.mock.callbacks.CallbackOutcome;
import io.github.deepcleermock.mock.callbacks.CallbackReceiver;
import io.github.deepcleermock.mock.callbacks.CallbackSettings;
import io.github.deepcleermock.mock.callbacks.EndOfStream;
import io.github.deepcleermock.mock.faults.FaultMatch;
import io.github.deepcleermock.mock.faults.FaultSpec;
import io.github.deepcleermock.mock.journal.JournalEntry;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import io.github.deepcleermock.mock.time.MockClock;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedded Java API: lifecycle, typed access to the mock's parts, misuse, and independent instances. */
class EmbeddedMockAcceptanceTest {

  @Test
  void theBuilderDefaultsServeTheVendorsDocumentedExampleOnLoopback() {
    try (DeepCleerMock mock = DeepCleerMock.builder().start()) {
      assertThat(mock.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+").isEqualTo(mock.baseUri().toString());
      assertThat(mock.port()).isPositive();
      assertThat(AdminClient.of(mock).closeCode("YOUR_ACCESS_KEY", "1639824316368")).isEqualTo(1100);
    }
  }

  @Test
  void typedAccessChangesWhatTheHttpSideSees() {
    try (CallbackReceiver receiver = CallbackReceiver.start();
        DeepCleerMock mock = DeepCleerMock.builder().clock(new MockClock()).account("key-1").start()) {
      AdminClient http = AdminClient.of(mock);

      mock.accounts().put(Account.of("key-2").withQps(1));
      mock.streams().open(StreamSpec.builder().accessKey("key-1").requestId("r1").imgCallback(receiver.url("/img")).returnFinishInfo(1).build());
      mock.streams().open(StreamSpec.builder().accessKey("key-1").requestId("r2").build(), StreamState.CLOSED);
      mock.faults().add(FaultSpec.code(FaultMatch.byAccessKey("key-2"), 1903).withTimes(1));

      assertThat(http.get("/__admin/accounts").texts("accounts", "accessKey")).containsExactly("key-1", "key-2");
      assertThat(http.closeCode("key-2", "x")).isEqualTo(1903);
      assertThat(http.closeCode("key-2", "x")).as("qps 1, and the bucket gave its token to the fault").isEqualTo(1901);
      assertThat(http.get("/__admin/streams/r2").json().path("state").asText()).isEqualTo("CLOSED");
      mock.clock().advance(Duration.ofSeconds(3));
      mock.streams().end("r1", new EndOfStream(3002, "REVIEW", true));
      mock.awaitCallbacksIdle(Duration.ofSeconds(10));

      assertThat(mock.journal().all()).extracting(JournalEntry::code).containsExactly(1901, 1903);
      assertThat(mock.callbacks().attempts()).singleElement()
          .satisfies(a -> assertThat(a.outcome()).isEqualTo(CallbackOutcome.DELIVERED))
          .satisfies(a -> assertThat(a.payload().path("auxInfo").path("errorCode").asInt()).isEqualTo(3002))
          .satisfies(a -> assertThat(a.payload().path("auxInfo").path("streamTime").asInt()).isEqualTo(3));
      assertThat(mock.streams().find("r1")).hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(StreamState.ENDED));
      assertThat(mock.providerStates().names()).hasSize(9);
    }
  }

  @Test
  void clockOnASystemTimeMockSaysHowToGetAFakeClock() {
    try (DeepCleerMock mock = DeepCleerMock.builder().start()) {
      assertThatThrownBy(mock::clock)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("system time")
          .hasMessageContaining("clock(new MockClock())");
    }
  }

  @Test
  void aClosedMockRefusesUseWithAMessageSayingWhatToDo() {
    DeepCleerMock mock = DeepCleerMock.builder().start();
    mock.close();

    assertThat(mock.isClosed()).isTrue();
    assertThatThrownBy(mock::baseUrl).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("baseUrl()").hasMessageContaining("closed").hasMessageContaining("DeepCleerMock.builder()");
    assertThatThrownBy(mock::baseUri).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(mock::port).isInstanceOf(IllegalStateException.class).hasMessageContaining("port()");
    assertThatThrownBy(mock::reset).isInstanceOf(IllegalStateException.class).hasMessageContaining("reset()");
  }

  @Test
  void closeIsIdempotentAndFreesThePort() {
    DeepCleerMock mock = DeepCleerMock.builder().start();
    URI health = URI.create(mock.baseUrl() + "/__admin/health");

    mock.close();

    assertThatCode(mock::close).doesNotThrowAnyException();
    assertThatThrownBy(() -> HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()))
        .isInstanceOf(ConnectException.class);
    try (DeepCleerMock again = DeepCleerMock.builder().port(health.getPort()).start()) {
      assertThat(again.port()).as("the port can be bound again").isEqualTo(health.getPort());
    }
  }

  @Test
  void aTakenPortFailsTheStartWithAMessageNamingIt() {
    try (DeepCleerMock first = DeepCleerMock.builder().start()) {
      assertThatThrownBy(() -> DeepCleerMock.builder().port(first.port()).start())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("127.0.0.1:" + first.port());
      assertThat(AdminClient.of(first).get("/__admin/health").status()).isEqualTo(200);
    }
  }

  @Test
  void anInconsistentConfigurationIsRefusedBeforeStarting() {
    assertThatThrownBy(() -> DeepCleerMock.builder().account("k").stream(StreamSpec.builder().accessKey("other").requestId("r1").build()).start())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other");
    assertThatThrownBy(() -> DeepCleerMock.builder().account("k").account("k").start())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> DeepCleerMock.builder().account("k").stream(StreamSpec.builder().accessKey("k").requestId("mock-1903").build()).start())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mock-");
    assertThatThrownBy(() -> DeepCleerMock.builder().journalSize(0).start())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("journalSize");
    assertThatThrownBy(() -> DeepCleerMock.builder().maxThreads(2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxThreads");
    assertThatThrownBy(() -> DeepCleerMock.builder().adminToken(" ").start())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("adminToken");
  }

  @Test
  void awaitCallbacksIdleGivesUpWithAMessageWhenAReceiverHangs() {
    try (CallbackReceiver receiver = CallbackReceiver.start().hang();
        DeepCleerMock mock = DeepCleerMock.builder()
            .account("k")
            .callbacks(CallbackSettings.DEFAULT.withResponseTimeout(Duration.ofSeconds(30)))
            .stream(StreamSpec.builder().accessKey("k").requestId("r1").imgCallback(receiver.url("/img")).returnFinishInfo(1).build())
            .start()) {
      AdminClient.of(mock).close("k", "r1");

      assertThatThrownBy(() -> mock.awaitCallbacksIdle(Duration.ofMillis(200)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("1 attempt(s)");
    }
  }

  @Test
  void twoInstancesInOneJvmAreIndependent() throws IOException, InterruptedException {
    try (DeepCleerMock a = DeepCleerMock.builder().account("key-a").start();
        DeepCleerMock b = DeepCleerMock.builder().account("key-b").start()) {
      AdminClient httpA = AdminClient.of(a);
      AdminClient httpB = AdminClient.of(b);

      assertThat(a.port()).isNotEqualTo(b.port());
      httpA.post("/__admin/faults", "{\"code\":1903}");
      httpA.post("/__admin/streams", "{\"requestId\":\"shared-id\",\"accessKey\":\"key-a\"}");
      assertThat(httpB.post("/__admin/streams", "{\"requestId\":\"shared-id\",\"accessKey\":\"key-b\"}").status())
          .as("ids are per instance").isEqualTo(201);

      assertThat(httpA.closeCode("key-a", "shared-id")).isEqualTo(1903);
      assertThat(httpB.closeCode("key-b", "shared-id")).isEqualTo(1100);
      assertThat(httpB.closeCode("key-a", "x")).as("key-a is not registered on b").isEqualTo(9101);
      assertThat(a.journal().all()).hasSize(1);
      assertThat(b.journal().all()).hasSize(2);

      b.reset();
      assertThat(a.faults().list()).hasSize(1);
      assertThat(a.journal().all()).hasSize(1);
      a.close();
      assertThat(httpB.get("/__admin/health").status()).isEqualTo(200);
      assertThat(httpB.closeCode("key-b", "x")).isEqualTo(1100);
    }
  }
}
