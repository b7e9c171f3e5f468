package io.github.deepcleermock.mock.close;

/** One step of the close pipeline: it either decides the outcome or lets the request go on. */
interface CloseStep {

  /** The outcome, or null to hand the request to the next step. */
  CloseOutcome apply(CloseCall call);
}
