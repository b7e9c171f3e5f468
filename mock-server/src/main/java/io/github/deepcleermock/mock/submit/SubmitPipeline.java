package io.github.deepcleermock.mock.submit;

import io.github.deepcleermock.mock.accounts.Accounts;
import io.github.deepcleermock.mock.faults.FaultRules;
import io.github.deepcleermock.mock.pipeline.ApplyFaults;
import io.github.deepcleermock.mock.pipeline.AuthorizeKey;
import io.github.deepcleermock.mock.pipeline.Outcome;
import io.github.deepcleermock.mock.pipeline.ParseJson;
import io.github.deepcleermock.mock.pipeline.Pipeline;
import io.github.deepcleermock.mock.pipeline.TakeToken;
import io.github.deepcleermock.mock.store.TokenBuckets;
import io.github.deepcleermock.mock.store.memory.MemoryTokenBuckets;
import io.github.deepcleermock.mock.pipeline.VendorRequest;
import io.github.deepcleermock.mock.streams.StreamOpenedListener;
import io.github.deepcleermock.mock.streams.StreamStore;
import io.github.deepcleermock.mock.time.TimeSource;
import io.github.deepcleermock.mock.pipeline.RefreshControl;
import io.github.deepcleermock.mock.pipeline.Step;
import io.github.deepcleermock.mock.store.ControlRefresh;
import java.util.ArrayList;
import java.util.List;

/**
 * The submit endpoint's behaviour, without HTTP: parse → validate → authorize → rate → faults and magic values →
 * duplicate → stream limit → open, in this documented order. Parse, authorize, rate and faults are the steps close
 * uses too.
 */
public final class SubmitPipeline {

  private final Pipeline<SubmitCall> pipeline;

  /** A pipeline whose opened streams are told to nobody (tests of the pipeline alone). */
  public SubmitPipeline(Accounts accounts, StreamStore streams, FaultRules faults, TimeSource time, boolean magicValues) {
    this(accounts, streams, faults, time, magicValues, StreamOpenedListener.NONE, new MemoryTokenBuckets(), null);
  }

  /**
   * A pipeline taking tokens from {@code buckets} (the memory store's, or a shared one) that first brings the shared
   * control state up to date with {@code refresh} (null: the memory store, always up to date, and no extra step).
   *
   * @param magicValues whether {@code data.tokenId} values like {@code mock-1903} force outcomes
   * @param opened told of every stream a submit opens (the simulation starts it)
   */
  public SubmitPipeline(
      Accounts accounts,
      StreamStore streams,
      FaultRules faults,
      TimeSource time,
      boolean magicValues,
      StreamOpenedListener opened,
      TokenBuckets buckets,
      ControlRefresh refresh) {
    List<Step<? super SubmitCall>> steps = new ArrayList<>();
    steps.add(new ParseJson<>(
        SubmitFields.MAX_BODY_BYTES,
        "a JSON object with accessKey, appId, eventId, imgCallback and data",
        new ReadSubmitBody()));
    steps.add(new ValidateSubmit());
    steps.add(new CheckUrlWords(magicValues));
    if (refresh != null) {
      steps.add(new RefreshControl(refresh));
    }
    steps.addAll(List.of(
                new AuthorizeKey(accounts),
                new TakeToken(time, buckets),
                new ApplyFaults(faults, magicValues, ApplyFaults.MagicDelay.HOLDS_THE_ANSWER),
                new CheckDuplicate(streams),
                new CheckStreamLimit(streams),
                new OpenStream(streams, opened)));
    this.pipeline = new Pipeline<>(steps);
  }

  /** Decides the outcome of one submit request. */
  public Outcome submit(VendorRequest request) {
    return pipeline.run(new SubmitCall(request));
  }

  /** The steps in order. */
  public List<String> stepNames() {
    return pipeline.stepNames();
  }
}
