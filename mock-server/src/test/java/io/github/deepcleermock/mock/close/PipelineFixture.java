package io.github.deepcleermock.mock.close;

import io.github.deepcleermock.mock.pipeline.Outcome;
import io.github.deepcleermock.mock.pipeline.VendorRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.accounts.MemoryAccounts;
import io.github.deepcleermock.mock.faults.MemoryFaultRules;
import io.github.deepcleermock.mock.streams.StreamRecord;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import io.github.deepcleermock.mock.streams.Streams;
import io.github.deepcleermock.mock.time.MockClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A close pipeline on a fake clock with one registered key ({@link #KEY}), for tests that need no HTTP. Records
 * every stream the pipeline reports as closed.
 */
final class PipelineFixture {

  static final String KEY = "key-1";
  private static final ObjectMapper JSON = new ObjectMapper();

  final MockClock clock = new MockClock();
  final MemoryAccounts accounts = new MemoryAccounts();
  final Streams streams = new Streams(clock);
  final MemoryFaultRules faults;
  final List<StreamRecord> closedStreams = new CopyOnWriteArrayList<>();
  final ClosePipeline pipeline;

  PipelineFixture() {
    this(ClosePolicy.DEFAULT, 42L);
  }

  PipelineFixture(ClosePolicy policy) {
    this(policy, 42L);
  }

  PipelineFixture(ClosePolicy policy, long seed) {
    faults = new MemoryFaultRules(seed);
    accounts.put(Account.of(KEY));
    pipeline = new ClosePipeline(accounts, streams, faults, clock, policy, closedStreams::add);
  }

  /** Closes with a well-formed body built from the two values (JSON-escaped properly). */
  Outcome close(String accessKey, String requestId) {
    return pipeline.close(request(accessKey, requestId));
  }

  /** A well-formed close request for the two values. */
  static VendorRequest request(String accessKey, String requestId) {
    ObjectNode body = JSON.createObjectNode().put("accessKey", accessKey).put("requestId", requestId);
    return VendorRequest.of(body.toString().getBytes(StandardCharsets.UTF_8));
  }

  Outcome closeBody(String body) {
    return pipeline.close(VendorRequest.of(body.getBytes(StandardCharsets.UTF_8)));
  }

  /** Seeds an ACTIVE stream of {@link #KEY}. */
  StreamRecord open(String requestId, String... aliases) {
    return openFor(KEY, requestId, aliases);
  }

  /** Seeds an ACTIVE stream of {@code accessKey}. */
  StreamRecord openFor(String accessKey, String requestId, String... aliases) {
    return streams.open(
        StreamSpec.builder().accessKey(accessKey).requestId(requestId).dupRequestIds(List.of(aliases)).build(), StreamState.ACTIVE, 1000);
  }
}
