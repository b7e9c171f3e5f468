package io.github.deepcleermock.mock.close;

import io.github.deepcleermock.mock.accounts.Accounts;
import io.github.deepcleermock.mock.faults.FaultRules;
import io.github.deepcleermock.mock.streams.Streams;
import io.github.deepcleermock.mock.time.TimeSource;
import java.util.List;

/**
 * The close endpoint's behaviour, without HTTP: a plain request in, a plain outcome out. The steps run in the
 * documented order, which is part of the contract (e.g. a bad body is 1902 even for an unknown key, and only
 * authorized requests spend a token).
 */
public final class ClosePipeline {

  private final List<CloseStep> steps;

  public ClosePipeline(
      Accounts accounts,
      Streams streams,
      FaultRules faults,
      TimeSource time,
      ClosePolicy policy,
      StreamClosedListener listener) {
    this.steps =
        List.of(
            new ParseBody(),
            new ValidateFields(),
            new AuthorizeKey(accounts),
            new TakeToken(time),
            new ApplyFaults(faults, policy.magicValues()),
            new CheckStreamLimit(),
            new CloseStream(streams, time, policy.unknownStreams(), listener));
  }

  /** Decides the outcome of one close request. */
  public CloseOutcome close(CloseRequest request) {
    CloseCall call = new CloseCall(request);
    for (CloseStep step : steps) {
      CloseOutcome outcome = step.apply(call);
      if (outcome != null) {
        return outcome;
      }
    }
    throw new IllegalStateException("the last step always decides");
  }

  /** Whether {@code id} would be read as a magic value. */
  public static boolean looksMagic(String id) {
    return MagicValue.looksMagic(id);
  }
}
