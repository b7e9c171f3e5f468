package io.github.deepcleermock.mock.submit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.accounts.MemoryAccounts;
import io.github.deepcleermock.mock.faults.MemoryFaultRules;
import io.github.deepcleermock.mock.pipeline.Outcome;
import io.github.deepcleermock.mock.pipeline.VendorRequest;
import io.github.deepcleermock.mock.streams.StreamOpenedListener;
import io.github.deepcleermock.mock.streams.StreamRecord;
import io.github.deepcleermock.mock.streams.Streams;
import io.github.deepcleermock.mock.time.MockClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A submit pipeline on a fake clock with one registered key ({@link #KEY}), for tests that need no HTTP. */
final class SubmitFixture {

  static final String KEY = "key-1";
  static final ObjectMapper JSON = new ObjectMapper();

  final MockClock clock = new MockClock();
  final MemoryAccounts accounts = new MemoryAccounts();
  final List<StreamRecord> opened = new CopyOnWriteArrayList<>();
  final Streams streams;
  final MemoryFaultRules faults = new MemoryFaultRules(42L);
  final SubmitPipeline pipeline;

  SubmitFixture() {
    this(true, 3);
  }

  SubmitFixture(boolean magicValues, int endedRetention) {
    StreamOpenedListener listener = opened::add;
    streams = new Streams(clock, listener, endedRetention);
    accounts.put(Account.of(KEY));
    pipeline = new SubmitPipeline(accounts, streams, faults, clock, magicValues);
  }

  /** The vendor's minimal request shape (reference §3.6) for a NORMAL stream of {@code url}. */
  static ObjectNode body(String url) {
    ObjectNode body = JSON.createObjectNode()
        .put("accessKey", KEY).put("appId", "defaulttest").put("eventId", "VIDEOSTREAM")
        .put("imgType", "POLITY_EROTIC_ADVERT").put("audioType", "POLITY_EROTIC_ADVERT_MOAN")
        .put("imgCallback", "http://client.test/img").put("audioCallback", "http://client.test/audio")
        .put("acceptLang", "en");
    ObjectNode data = body.putObject("data")
        .put("streamType", "NORMAL").put("url", url).put("tokenId", "u123").put("lang", "en")
        .put("room", "r1").put("streamName", "s1").put("returnFinishInfo", 1);
    data.putObject("extra").putObject("passThrough").put("k", "v");
    return body;
  }

  static ObjectNode data(ObjectNode body) {
    return (ObjectNode) body.get("data");
  }

  Outcome submit(ObjectNode body) {
    return submit(body.toString());
  }

  Outcome submit(String json) {
    return pipeline.submit(VendorRequest.of(json.getBytes(StandardCharsets.UTF_8)));
  }

  void account(Account account) {
    accounts.put(account);
  }
}
