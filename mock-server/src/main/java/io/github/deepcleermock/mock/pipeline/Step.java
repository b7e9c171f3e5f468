package io.github.deepcleermock.mock.pipeline;

/**
 * One step of a vendor endpoint's pipeline: it either decides the outcome or lets the request go on.
 *
 * @param <C> the endpoint's call type (shared steps accept any {@link Call})
 */
@FunctionalInterface
public interface Step<C extends Call> {

  /** The outcome, or null to hand the request to the next step. */
  Outcome apply(C call);
}
