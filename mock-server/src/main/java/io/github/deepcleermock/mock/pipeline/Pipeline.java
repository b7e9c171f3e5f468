package io.github.deepcleermock.mock.pipeline;

import io.github.deepcleermock.mock.store.StoreUnavailableException;
import java.util.List;

/**
 * A plain ordered list of steps, read top to bottom: the first step that decides ends the request. The order is
 * part of each endpoint's contract (a bad body is 1902 even for an unknown key; only authorized requests spend a
 * token).
 *
 * @param <C> the endpoint's call type
 */
public final class Pipeline<C extends Call> {

  private final List<Step<? super C>> steps;

  public Pipeline(List<Step<? super C>> steps) {
    this.steps = List.copyOf(steps);
    if (this.steps.isEmpty()) {
      throw new IllegalArgumentException("a pipeline needs at least one step");
    }
  }

  /** Runs {@code call} through the steps; the last step must always decide. */
  public Outcome run(C call) {
    try {
      for (Step<? super C> step : steps) {
        Outcome outcome = step.apply(call);
        if (outcome != null) {
          return outcome;
        }
      }
    } catch (StoreUnavailableException e) {
      // A shared store's step runs whole or not at all: nothing was written, the caller may retry.
      return call.answer(VendorCode.SERVICE_FAILURE, TakeToken.STORE_UNAVAILABLE);
    }
    throw new IllegalStateException("the last step always decides");
  }

  /** The steps' class names in order, for tests that pin the documented order. */
  public List<String> stepNames() {
    return steps.stream().map(s -> s.getClass().getSimpleName()).toList();
  }
}
