package io.github.deepcleermock.mock.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.admin.AdminClient;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import io.github.deepcleermock.mock.time.MockClock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The provider states submit pacts need: a full account by a real count, a running url, both permissions. */
class SubmitProviderStatesAcceptanceTest {

  private static final String STATES = "/__admin/provider-states";

  @RegisterExtension
  static final DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance()
      .configure(builder -> builder.clock(new MockClock()).account(Account.of("YOUR_ACCESS_KEY").withMaxStreams(3)));

  private static final AdminClient admin = AdminClient.of(deepcleer);

  private static JsonNode setup(String state, String params) {
    AdminClient.Reply reply = admin.post(STATES, "{\"state\":\"" + state + "\",\"params\":" + params + "}");
    assertThat(reply.status()).as("setup of %s: %s", state, reply.body()).isEqualTo(200);
    return reply.json();
  }

  @Test
  void reachingTheStreamLimitOpensActiveStreamsUpToMaxStreamsWithoutTheFlag(DeepCleerMock mock) {
    JsonNode used = setup("access key has reached its stream limit", "{\"accessKey\":\"YOUR_ACCESS_KEY\"}");

    assertThat(used.toString()).isEqualTo("{\"accessKey\":\"YOUR_ACCESS_KEY\",\"maxStreams\":3,\"active\":3}");
    assertThat(mock.streams().activeCount("YOUR_ACCESS_KEY")).isEqualTo(3);
    assertThat(mock.accounts().account("YOUR_ACCESS_KEY").orElseThrow().streamLimitReached()).isFalse();
  }

  @Test
  void reachingTheLimitOfANewKeyRegistersItWithTheDefaults(DeepCleerMock mock) {
    JsonNode used = setup("access key has reached its stream limit", "{\"accessKey\":\"fresh\"}");

    assertThat(used.path("active").asInt()).isEqualTo(Account.DEFAULT_MAX_STREAMS);
    assertThat(mock.streams().activeCount("fresh")).isEqualTo(Account.DEFAULT_MAX_STREAMS);
  }

  @Test
  void aKeyWithTooManySlotsToFillIsRefusedAndKeepsItsStreams(DeepCleerMock mock) {
    mock.accounts().put(Account.of("huge").withMaxStreams(100_001));

    AdminClient.Reply reply = admin.sendBad("POST", STATES,
        "{\"state\":\"access key has reached its stream limit\",\"params\":{\"accessKey\":\"huge\"}}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("error").asText()).startsWith("params.accessKey:");
    assertThat(mock.streams().activeCount("huge")).isZero();
  }

  @Test
  void aStreamWithUrlIsActiveUnderTheGivenIdAndTeardownRemovesIt(DeepCleerMock mock) {
    JsonNode used = setup("stream with url is active",
        "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"url\":\"rtmp://live.test/live/a\",\"requestId\":\"running-1\"}");

    assertThat(used.toString()).isEqualTo(
        "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"url\":\"rtmp://live.test/live/a\",\"requestId\":\"running-1\"}");
    JsonNode stream = admin.get("/__admin/streams/running-1").json();
    assertThat(stream.path("data").toString())
        .isEqualTo("{\"streamType\":\"NORMAL\",\"url\":\"rtmp://live.test/live/a\"}");
    assertThat(stream.path("state").asText()).isEqualTo("ACTIVE");

    admin.post(STATES, "{\"state\":\"stream with url is active\",\"action\":\"teardown\"}");

    assertThat(mock.streams().find("running-1")).isEmpty();
  }

  @Test
  void aStreamWithUrlWithoutAnIdGetsAFreshHexId() {
    JsonNode used = setup("stream with url is active", "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"url\":\"rtmp://x/y\"}");

    assertThat(used.path("requestId").asText()).matches("[0-9a-f]{32}");
  }

  @Test
  void aStreamWithUrlNeedsTheUrl() {
    AdminClient.Reply reply = admin.sendBad("POST", STATES,
        "{\"state\":\"stream with url is active\",\"params\":{\"accessKey\":\"YOUR_ACCESS_KEY\"}}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("error").asText()).startsWith("params.url:");
  }

  @Test
  void authorizingAKeyGrantsSubmitAndFinishAndUnauthorizingTakesBoth(DeepCleerMock mock) {
    mock.accounts().put(Account.of("partial").withPermissions(Set.of("finish")));

    setup("access key is authorized", "{\"accessKey\":\"partial\"}");
    Set<String> granted = mock.accounts().account("partial").orElseThrow().permissions();
    setup("access key is not authorized", "{\"accessKey\":\"partial\"}");

    assertThat(granted).containsExactlyInAnyOrder("submit", "finish");
    assertThat(mock.accounts().account("partial").orElseThrow().permissions()).isEmpty();
  }
}
