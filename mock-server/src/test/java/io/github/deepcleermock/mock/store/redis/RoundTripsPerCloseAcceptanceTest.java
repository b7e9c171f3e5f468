package io.github.deepcleermock.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.faults.FaultMatch;
import io.github.deepcleermock.mock.faults.FaultSpec;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The happy path's cost on the shared store, as Redis's MONITOR sees it: a close without faults is three round trips
 * (the group version's GET, the bucket's EVALSHA, the stream's lookup); after a change, the next request also loads
 * the view once; a fault rule costs a round trip only when it matches (its counted firing), and no more once the group
 * used it up. Journal appends are left out of the counts: the request never waits for them (see the shared journal's
 * tests).
 */
class RoundTripsPerCloseAcceptanceTest {

  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private static final int CLOSES = 20;

  /** The commands a request waits for: everything but its journal append, which is sent and never awaited. */
  private static List<String> waitedFor(RedisMonitor monitor, String marker) throws Exception {
    return monitor.clientCommandsUntil(marker).stream().filter(c -> !c.contains("\"dcm:journal\"")).toList();
  }

  @Test
  void aCloseWithoutFaultsIsThreeRoundTripsAndAChangeAddsOneReloadOnTheNextRequestOnly() throws Exception {
    Account key = new Account("COUNTED", 1000, 100, Account.DEFAULT_PERMISSIONS, false);
    try (DeepCleerMock mock = DeepCleerMock.builder().account(key).store(REDIS.uri()).start();
        DeepCleerMock other = DeepCleerMock.builder().account(key).store(REDIS.uri()).start();
        RedisClient client = RedisClient.create(RedisURI.create(REDIS.uri()));
        StatefulRedisConnection<String, String> redis = client.connect();
        RedisMonitor monitor = new RedisMonitor(REDIS.uri())) {
      VendorCloses vendor = new VendorCloses();
      redis.sync().echo("mark-start");
      waitedFor(monitor, "mark-start");

      for (int i = 0; i < CLOSES; i++) {
        assertThat(vendor.close(mock.baseUrl(), "COUNTED", "r-" + i).code()).isEqualTo(1100);
      }
      redis.sync().echo("mark-closes");
      List<String> commands = waitedFor(monitor, "mark-closes");
      assertThat(commands).hasSize(3 * CLOSES);
      assertThat(commands.stream().filter(c -> c.startsWith("\"GET\" \"dcm:config:version\""))).hasSize(CLOSES);
      assertThat(commands.stream().filter(c -> c.contains("\"dcm:bucket:"))).hasSize(CLOSES);
      assertThat(commands.stream().filter(c -> c.contains("\"dcm:stream:specs\""))).hasSize(CLOSES);

      other.accounts().put(Account.of("ELSEWHERE"));
      redis.sync().echo("mark-change");
      waitedFor(monitor, "mark-change");
      vendor.close(mock.baseUrl(), "COUNTED", "after-change-1");
      vendor.close(mock.baseUrl(), "COUNTED", "after-change-2");
      redis.sync().echo("mark-reload");
      assertThat(waitedFor(monitor, "mark-reload"))
          .as("GET, snapshot, bucket, stream; then GET, bucket, stream").hasSize(7);

      // A rule that does not match costs nothing; one that matches costs its counted firing.
      other.faults().add(FaultSpec.code(FaultMatch.byAccessKey("ELSEWHERE"), 1903));
      other.faults().add(FaultSpec.code(FaultMatch.byRequestId("doomed"), 1903));
      vendor.close(mock.baseUrl(), "COUNTED", "reload");
      redis.sync().echo("mark-faults");
      waitedFor(monitor, "mark-faults");
      assertThat(vendor.close(mock.baseUrl(), "COUNTED", "spared").code()).isEqualTo(1100);
      redis.sync().echo("mark-spared");
      assertThat(waitedFor(monitor, "mark-spared")).hasSize(3);
      assertThat(vendor.close(mock.baseUrl(), "COUNTED", "doomed").code()).isEqualTo(1903);
      redis.sync().echo("mark-doomed");
      assertThat(waitedFor(monitor, "mark-doomed")).as("GET, bucket, firing").hasSize(3);

      // A rule used up by the group is refused once, then skipped without asking Redis.
      other.faults().add(FaultSpec.code(FaultMatch.byRequestId("once"), 1905).withTimes(1));
      assertThat(vendor.close(other.baseUrl(), "COUNTED", "once").code()).isEqualTo(1905);
      vendor.close(mock.baseUrl(), "COUNTED", "reload-again");
      redis.sync().echo("mark-used-up");
      waitedFor(monitor, "mark-used-up");
      assertThat(vendor.close(mock.baseUrl(), "COUNTED", "once").code()).isEqualTo(1100);
      assertThat(vendor.close(mock.baseUrl(), "COUNTED", "once").code()).isEqualTo(1100);
      redis.sync().echo("mark-skipped");
      assertThat(waitedFor(monitor, "mark-skipped"))
          .as("GET, bucket, refused firing, stream; GET, bucket, stream")
          .hasSize(7);
    }
  }
}
