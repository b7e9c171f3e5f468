package io.github.deepcleermock.mock.close;

import io.github.deepcleermock.mock.accounts.Accounts;
import io.github.deepcleermock.mock.faults.FaultRules;
import io.github.deepcleermock.mock.pipeline.ApplyFaults;
import io.github.deepcleermock.mock.pipeline.AuthorizeKey;
import io.github.deepcleermock.mock.pipeline.MagicValue;
import io.github.deepcleermock.mock.pipeline.Outcome;
import io.github.deepcleermock.mock.pipeline.ParseJson;
import io.github.deepcleermock.mock.pipeline.Pipeline;
import io.github.deepcleermock.mock.pipeline.TakeToken;
import io.github.deepcleermock.mock.store.TokenBuckets;
import io.github.deepcleermock.mock.store.memory.MemoryTokenBuckets;
import io.github.deepcleermock.mock.pipeline.VendorRequest;
import io.github.deepcleermock.mock.streams.StreamStore;
import io.github.deepcleermock.mock.time.TimeSource;
import io.github.deepcleermock.mock.pipeline.RefreshControl;
import io.github.deepcleermock.mock.pipeline.Step;
import io.github.deepcleermock.mock.store.ControlRefresh;
import java.util.ArrayList;
import java.util.List;

/**
 * The close endpoint's behaviour, without HTTP: a plain request in, a plain outcome out. Parse → validate →
 * authorize → rate → faults → stream limit → close, in this documented order.
 */
public final class ClosePipeline {

  private final Pipeline<CloseCall> pipeline;

  public ClosePipeline(
      Accounts accounts,
      StreamStore streams,
      FaultRules faults,
      TimeSource time,
      ClosePolicy policy,
      StreamClosedListener listener) {
    this(accounts, streams, faults, time, policy, listener, new MemoryTokenBuckets(), null);
  }

  /**
   * A pipeline taking tokens from {@code buckets} (the memory store's, or a shared one) that first brings the shared
   * control state up to date with {@code refresh} (null: the memory store, always up to date, and no extra step).
   */
  public ClosePipeline(
      Accounts accounts,
      StreamStore streams,
      FaultRules faults,
      TimeSource time,
      ClosePolicy policy,
      StreamClosedListener listener,
      TokenBuckets buckets,
      ControlRefresh refresh) {
    List<Step<? super CloseCall>> steps = new ArrayList<>();
    steps.add(new ParseJson<>(
        CloseFields.MAX_BODY_BYTES, "a JSON object with accessKey and requestId", new ReadCloseFields()));
    steps.add(new ValidateFields());
    if (refresh != null) {
      steps.add(new RefreshControl(refresh));
    }
    steps.addAll(List.of(
        new AuthorizeKey(accounts),
        new TakeToken(time, buckets),
        new ApplyFaults(faults, policy.magicValues(), ApplyFaults.MagicDelay.ANSWERS_SUCCESS),
        new CheckStreamLimit(),
        new CloseStream(streams, time, policy.unknownStreams(), listener)));
    this.pipeline = new Pipeline<>(steps);
  }

  /** Decides the outcome of one close request. */
  public Outcome close(VendorRequest request) {
    return pipeline.run(new CloseCall(request));
  }

  /** The steps in order. */
  public List<String> stepNames() {
    return pipeline.stepNames();
  }

  /** Whether {@code id} would be read as a magic value. */
  public static boolean looksMagic(String id) {
    return MagicValue.looksMagic(id);
  }
}
