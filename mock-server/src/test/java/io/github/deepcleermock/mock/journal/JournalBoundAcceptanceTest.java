package io.github.deepcleermock.mock.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.admin.AdminClient;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The journal is a bounded ring: it keeps the newest {@code journalSize} requests and the first 4 KiB of each. */
class JournalBoundAcceptanceTest {

  private static final int SIZE = 100;

  @RegisterExtension
  static final DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance()
      .configure(builder -> builder
          .journalSize(SIZE)
          // A rate the test cannot exhaust, so every request is a plain close.
          .account(new Account("key-1", 1_000_000, 100, Set.of("finish"), false)));

  private static final AdminClient admin = AdminClient.of(deepcleer);

  @Test
  void aThousandConcurrentRequestsLeaveExactlyTheNewestHundred() throws Exception {
    long firstSeq = sendOneAndReadItsSeq();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> codes = new ArrayList<>();
      for (int i = 0; i < 999; i++) {
        String id = "s-" + i;
        codes.add(pool.submit(() -> admin.closeCode("key-1", id)));
      }
      for (Future<Integer> code : codes) {
        assertThat(code.get(30, TimeUnit.SECONDS)).isEqualTo(1100);
      }
    } finally {
      pool.shutdownNow();
    }

    List<JsonNode> kept = admin.get("/__admin/requests").items("requests");

    assertThat(deepcleer.mock().journal().capacity()).isEqualTo(SIZE);
    assertThat(kept).hasSize(SIZE);
    List<Long> seqs = kept.stream().map(e -> e.path("seq").asLong()).toList();
    long last = firstSeq + 999;
    assertThat(seqs).as("the newest %d, newest first", SIZE)
        .containsExactlyElementsOf(LongStream.iterate(last, s -> s - 1).limit(SIZE).boxed().toList());
    assertThat(admin.get("/__admin/requests?limit=1000").items("requests")).hasSize(SIZE);
    assertThat(deepcleer.mock().journal().all()).hasSize(SIZE);
  }

  @Test
  void aBodyLongerThan4KiBIsKeptAsItsFirst4KiBAndMarkedTruncated() {
    String body = paddedBody(10_000);

    assertThat(admin.raw("POST", "/finish_videostream/v4", body, null).json().path("code").asInt()).isEqualTo(1100);

    JsonNode entry = admin.get("/__admin/requests").items("requests").get(0);
    assertThat(entry.path("bodyTruncated").asBoolean()).isTrue();
    assertThat(entry.path("body").asText()).isEqualTo(body.substring(0, 4096));
    assertThat(entry.path("accessKey").asText()).as("parsed from the whole body").isEqualTo("key-1");
  }

  @Test
  void aBodyOfExactly4KiBIsKeptWhole() {
    String body = paddedBody(4096);

    admin.raw("POST", "/finish_videostream/v4", body, null);

    JsonNode entry = admin.get("/__admin/requests").items("requests").get(0);
    assertThat(entry.path("bodyTruncated").asBoolean()).isFalse();
    assertThat(entry.path("body").asText()).isEqualTo(body);
  }

  @Test
  void theCutFallsOnACharacterBoundary() {
    // The padding puts a 4-byte emoji across byte 4096: the journal keeps the text before it, not half of it.
    String prefix = "{\"accessKey\":\"key-1\",\"requestId\":\"r\",\"pad\":\"";
    String body = prefix + "x".repeat(4094 - prefix.length()) + "😀😀\"}";
    assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(4096);

    admin.raw("POST", "/finish_videostream/v4", body, null);

    JsonNode entry = admin.get("/__admin/requests").items("requests").get(0);
    String kept = entry.path("body").asText();
    assertThat(entry.path("bodyTruncated").asBoolean()).isTrue();
    assertThat(kept).doesNotContain("\uFFFD").isEqualTo(body.substring(0, 4094));
    assertThat(kept.getBytes(StandardCharsets.UTF_8)).hasSize(4094);
  }

  private static long sendOneAndReadItsSeq() {
    admin.closeCode("key-1", "first");
    return admin.get("/__admin/requests").items("requests").get(0).path("seq").asLong();
  }

  /** A valid close body of exactly {@code bytes} UTF-8 bytes (an unknown field pads it). */
  private static String paddedBody(int bytes) {
    String start = "{\"accessKey\":\"key-1\",\"requestId\":\"r\",\"pad\":\"";
    String end = "\"}";
    String body = start + "x".repeat(bytes - start.length() - end.length()) + end;
    assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
    return body;
  }
}
