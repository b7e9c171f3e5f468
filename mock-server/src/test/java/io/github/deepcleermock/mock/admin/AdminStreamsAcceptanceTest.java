package io.github.deepcleermock.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.time.MockClock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /__admin/streams}: seed, read, list, delete and end, over real HTTP. */
class AdminStreamsAcceptanceTest {

  private static final String IMG = "http://127.0.0.1:9/img";

  // One mock per test: the timestamps below are exact, so each test needs its own fake clock at its origin.
  private DeepCleerMock mock;
  private AdminClient admin;

  @BeforeEach
  void start() {
    mock = DeepCleerMock.builder()
        .clock(new MockClock())
        .account(Account.of("key-1"))
        .account(new Account("tight", 50, 2, Set.of("finish"), false))
        .stream(StreamSpec.builder().accessKey("key-1").requestId("configured").build())
        .start();
    admin = AdminClient.of(mock);
  }

  @AfterEach
  void stop() {
    mock.close();
  }

  @Test
  void seedingAMinimalStreamAnswers201WithEveryDefault() {
    AdminClient.Reply reply = admin.post("/__admin/streams", "{\"requestId\":\"1639824316368\",\"accessKey\":\"key-1\"}");

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().toString()).isEqualTo(
        "{\"requestId\":\"1639824316368\",\"accessKey\":\"key-1\",\"dupRequestIds\":[],\"imgCallback\":null,"
            + "\"audioCallback\":null,\"returnFinishInfo\":0,\"data\":{},\"state\":\"ACTIVE\","
            + "\"openedAt\":\"2026-01-01T00:00:00.000Z\",\"closedAt\":null,\"submitted\":null,\"simulation\":{\"running\":true,\"script\":{\"frames\":[],\"audio\":[]},"
            + "\"framesCaptured\":0,\"segmentsModerated\":0,\"resultCallbacks\":0,\"imageRiskLevel\":\"PASS\","
            + "\"audioRiskLevel\":\"PASS\"}}");
  }

  @Test
  void aSeededStreamIsClosedByTheVendorEndpointThroughItsIdOrAnAlias() {
    admin.post("/__admin/streams", "{\"requestId\":\"r1\",\"accessKey\":\"key-1\",\"dupRequestIds\":[\"alias-1\"]}");

    assertThat(admin.close("key-1", "alias-1").headers().firstValue("X-Mock-Reason")).isEmpty();

    JsonNode stream = admin.get("/__admin/streams/r1").json();
    assertThat(stream.path("state").asText()).isEqualTo("CLOSED");
    assertThat(stream.path("closedAt").asText()).isEqualTo("2026-01-01T00:00:00.000Z");
  }

  @Test
  void everySeedFieldIsStoredAsGiven() {
    String body = "{\"requestId\":\"r-full\",\"accessKey\":\"key-1\",\"dupRequestIds\":[\"d1\",\"d2\"],"
        + "\"imgCallback\":\"http://127.0.0.1:9/img\",\"audioCallback\":\"https://127.0.0.1:9/audio\","
        + "\"returnFinishInfo\":1,\"data\":{\"tokenId\":\"u1\",\"extra\":{\"passThrough\":{\"orderId\":\"o-1\"}}}}";

    AdminClient.Reply reply = admin.post("/__admin/streams", body);

    JsonNode stream = reply.json();
    assertThat(stream.path("dupRequestIds").toString()).isEqualTo("[\"d1\",\"d2\"]");
    assertThat(stream.path("imgCallback").asText()).isEqualTo("http://127.0.0.1:9/img");
    assertThat(stream.path("audioCallback").asText()).isEqualTo("https://127.0.0.1:9/audio");
    assertThat(stream.path("returnFinishInfo").asInt()).isEqualTo(1);
    assertThat(stream.path("data").toString())
        .isEqualTo("{\"tokenId\":\"u1\",\"extra\":{\"passThrough\":{\"orderId\":\"o-1\"}}}");
    assertThat(admin.get("/__admin/streams/d2").json()).isEqualTo(stream);
  }

  @Test
  void aClosedSeedHasClosedAtEqualToOpenedAtAndSendsNoCallback() {
    mock.clock().advance(Duration.ofMillis(1234));
    String body = "{\"requestId\":\"r-closed\",\"accessKey\":\"key-1\",\"state\":\"CLOSED\","
        + "\"imgCallback\":\"" + IMG + "\",\"returnFinishInfo\":1}";

    JsonNode stream = admin.post("/__admin/streams", body).json();

    assertThat(stream.path("state").asText()).isEqualTo("CLOSED");
    assertThat(stream.path("openedAt").asText()).isEqualTo("2026-01-01T00:00:01.234Z");
    assertThat(stream.path("closedAt").asText()).isEqualTo("2026-01-01T00:00:01.234Z");
    assertThat(admin.closeCode("key-1", "r-closed")).isEqualTo(1100);
    assertThat(admin.get("/__admin/callbacks").items("callbacks")).isEmpty();
  }

  @Test
  void aStreamIdOutsideAsciiIsAddressedPercentEncodedInThePath() {
    String id = "直播-😀 1";
    admin.post("/__admin/streams", "{\"requestId\":\"" + id + "\",\"accessKey\":\"key-1\"}");
    String path = "/__admin/streams/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");

    assertThat(admin.get(path).json().path("requestId").asText()).isEqualTo(id);
    assertThat(admin.post(path + "/end", "{}").json().path("state").asText()).isEqualTo("ENDED");
    assertThat(admin.delete(path).status()).isEqualTo(204);
  }

  @Test
  void readingAnUnknownStreamIs404NamingTheId() {
    AdminClient.Reply reply = admin.get("/__admin/streams/nope");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorField()).isEqualTo("requestId");
    assertThat(reply.error()).contains("nope");
  }

  @Test
  void listingShowsEachStreamOnceSortedByRequestIdAndFiltersByKeyAndState() {
    admin.post("/__admin/streams", "{\"requestId\":\"b\",\"accessKey\":\"key-1\",\"dupRequestIds\":[\"zz\"]}");
    admin.post("/__admin/streams", "{\"requestId\":\"a\",\"accessKey\":\"tight\"}");
    admin.post("/__admin/streams", "{\"requestId\":\"c\",\"accessKey\":\"key-1\",\"state\":\"CLOSED\"}");

    assertThat(admin.get("/__admin/streams").texts("streams", "requestId")).containsExactly("a", "b", "c", "configured");
    assertThat(admin.get("/__admin/streams?accessKey=key-1").texts("streams", "requestId"))
        .containsExactly("b", "c", "configured");
    assertThat(admin.get("/__admin/streams?state=CLOSED").texts("streams", "requestId")).containsExactly("c");
    assertThat(admin.get("/__admin/streams?accessKey=tight&state=ACTIVE").texts("streams", "requestId"))
        .containsExactly("a");
    assertThat(admin.get("/__admin/streams?accessKey=nobody").items("streams")).isEmpty();
  }

  @Test
  void listingWithAnUnknownStateIs400NamingTheFilter() {
    AdminClient.Reply reply = admin.sendBad("GET", "/__admin/streams?state=OPEN", null);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorField()).isEqualTo("state");
  }

  @Test
  void deletingAStreamByAnAliasForgetsAllItsIds() {
    admin.post("/__admin/streams", "{\"requestId\":\"r1\",\"accessKey\":\"key-1\",\"dupRequestIds\":[\"alias-1\"]}");

    assertThat(admin.delete("/__admin/streams/alias-1").status()).isEqualTo(204);

    assertThat(admin.get("/__admin/streams/r1").status()).isEqualTo(404);
    assertThat(admin.get("/__admin/streams/alias-1").status()).isEqualTo(404);
    AdminClient.Reply again = admin.delete("/__admin/streams/r1");
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.errorField()).isEqualTo("requestId");
    // Both ids are free again.
    assertThat(admin.post("/__admin/streams", "{\"requestId\":\"alias-1\",\"accessKey\":\"key-1\"}").status())
        .isEqualTo(201);
  }

  @Test
  void endingAStreamMakesItEndedAndASecondEndIs409() {
    mock.clock().advance(Duration.ofSeconds(3));

    AdminClient.Reply ended = admin.post("/__admin/streams/configured/end", "{}");

    assertThat(ended.status()).isEqualTo(200);
    assertThat(ended.json().path("state").asText()).isEqualTo("ENDED");
    assertThat(ended.json().path("closedAt").asText()).isEqualTo("2026-01-01T00:00:03.000Z");
    AdminClient.Reply again = admin.post("/__admin/streams/configured/end", null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorField()).isEqualTo("requestId");
    assertThat(again.error()).contains("already ENDED");
  }

  @Test
  void endingAnUnknownStreamIs404AndABadEndBodyIs400NamingTheField() {
    assertThat(admin.post("/__admin/streams/nope/end", "{}").status()).isEqualTo(404);
    assertThat(admin.sendBad("POST", "/__admin/streams/configured/end", "{\"riskLevel\":\"BAD\"}").errorField())
        .isEqualTo("riskLevel");
    assertThat(admin.sendBad("POST", "/__admin/streams/configured/end", "{\"errorCode\":\"3001\"}").errorField())
        .isEqualTo("errorCode");
    assertThat(admin.sendBad("POST", "/__admin/streams/configured/end", "{\"pullStreamSuccess\":0}").errorField())
        .isEqualTo("pullStreamSuccess");
    assertThat(admin.sendBad("POST", "/__admin/streams/configured/end", "{\"reason\":1}").errorField())
        .isEqualTo("reason");
    assertThat(admin.get("/__admin/streams/configured").json().path("state").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void badSeedsAre400sNamingTheField() {
    assertSeedRefused("{\"accessKey\":\"key-1\"}", "requestId");
    assertSeedRefused("{\"requestId\":\"" + "x".repeat(33) + "\",\"accessKey\":\"key-1\"}", "requestId");
    assertSeedRefused("{\"requestId\":\"\",\"accessKey\":\"key-1\"}", "requestId");
    assertSeedRefused("{\"requestId\":7,\"accessKey\":\"key-1\"}", "requestId");
    assertSeedRefused("{\"requestId\":\"r\"}", "accessKey");
    assertSeedRefused("{\"requestId\":\"r\",\"accessKey\":\"unregistered\"}", "accessKey");
    assertSeedRefused("{\"requestId\":\"r\",\"accessKey\":\"key-1\",\"returnFinishInfo\":1}", "imgCallback");
    assertSeedRefused("{\"requestId\":\"r\",\"accessKey\":\"key-1\",\"returnFinishInfo\":2,\"imgCallback\":\"" + IMG
        + "\"}", "returnFinishInfo");
    assertSeedRefused("{\"requestId\":\"r\",\"accessKey\":\"key-1\",\"imgCallback\":\"ftp://x/y\"}", "imgCallback");
    assertSeedRefused("{\"requestId\":\"r\",\"accessKey\":\"key-1\",\"audioCallback\":\"not a url\"}",
        "audioCallback");
    assertSeedRefused("{\"requestId\":\"r\",\"accessKey\":\"key-1\",\"dupRequestIds\":[\"d\",\"d\"]}",
        "dupRequestIds");
    assertSeedRefused("{\"requestId\":\"r\",\"accessKey\":\"key-1\",\"dupRequestIds\":[\"" + "y".repeat(33) + "\"]}",
        "dupRequestIds");
    assertSeedRefused("{\"requestId\":\"r\",\"accessKey\":\"key-1\",\"data\":[]}", "data");
    assertSeedRefused("{\"requestId\":\"r\",\"accessKey\":\"key-1\",\"state\":\"OPEN\"}", "state");
    assertSeedRefused("{\"requestId\":\"r\",\"accessKey\":\"key-1\",\"imgCalback\":\"" + IMG + "\"}", "imgCalback");
    assertSeedRefused("{\"requestId\":\"mock-1903\",\"accessKey\":\"key-1\"}", "requestId");
    assertSeedRefused("{\"requestId\":\"r\",\"accessKey\":\"key-1\",\"dupRequestIds\":[\"mock-x\"]}", "dupRequestIds");
    assertThat(admin.get("/__admin/streams").texts("streams", "requestId")).containsExactly("configured");
  }

  @Test
  void seedingATakenIdOrAliasIs409() {
    admin.post("/__admin/streams", "{\"requestId\":\"r1\",\"accessKey\":\"key-1\",\"dupRequestIds\":[\"alias-1\"]}");

    AdminClient.Reply sameId = admin.post("/__admin/streams", "{\"requestId\":\"r1\",\"accessKey\":\"key-1\"}");
    AdminClient.Reply idIsAnAlias = admin.post("/__admin/streams", "{\"requestId\":\"alias-1\",\"accessKey\":\"key-1\"}");
    AdminClient.Reply aliasIsAnId = admin.post("/__admin/streams",
        "{\"requestId\":\"r2\",\"accessKey\":\"key-1\",\"dupRequestIds\":[\"configured\"]}");

    assertThat(sameId.status()).isEqualTo(409);
    assertThat(sameId.errorField()).isEqualTo("requestId");
    assertThat(idIsAnAlias.status()).isEqualTo(409);
    assertThat(aliasIsAnId.status()).isEqualTo(409);
    assertThat(admin.get("/__admin/streams/r2").status()).isEqualTo(404);
  }

  @Test
  void seedingPastMaxStreamsActiveStreamsIs409SayingWhy() {
    admin.post("/__admin/streams", "{\"requestId\":\"t1\",\"accessKey\":\"tight\"}");
    admin.post("/__admin/streams", "{\"requestId\":\"t2\",\"accessKey\":\"tight\"}");

    AdminClient.Reply third = admin.post("/__admin/streams", "{\"requestId\":\"t3\",\"accessKey\":\"tight\"}");

    assertThat(third.status()).isEqualTo(409);
    assertThat(third.errorField()).isEqualTo("accessKey");
    assertThat(third.error()).contains("maxStreams").contains("2");
    assertThat(admin.get("/__admin/streams/t3").status()).isEqualTo(404);
  }

  @Test
  void maxStreamsCountsOnlyActiveStreamsAndNeverMakesACloseAnswer1904() {
    admin.post("/__admin/streams", "{\"requestId\":\"t1\",\"accessKey\":\"tight\"}");
    admin.post("/__admin/streams", "{\"requestId\":\"t2\",\"accessKey\":\"tight\"}");
    assertThat(admin.post("/__admin/streams", "{\"requestId\":\"t0\",\"accessKey\":\"tight\",\"state\":\"CLOSED\"}")
        .status()).isEqualTo(201);

    assertThat(admin.closeCode("tight", "t1")).isEqualTo(1100);

    assertThat(admin.post("/__admin/streams", "{\"requestId\":\"t3\",\"accessKey\":\"tight\"}").status())
        .isEqualTo(201);
    assertThat(admin.closeCode("tight", "t2")).isEqualTo(1100);
  }

  private void assertSeedRefused(String body, String field) {
    AdminClient.Reply reply = admin.sendBad("POST", "/__admin/streams", body);
    assertThat(reply.status()).as("status for %s", body).isEqualTo(400);
    assertThat(reply.errorField()).as("field named for %s (%s)", body, reply.error()).isEqualTo(field);
  }
}
