package io.github.deepcleermock.mock.pipeline;

import io.github.deepcleermock.mock.faults.FaultRule;
import io.github.deepcleermock.mock.faults.FaultRules;
import io.github.deepcleermock.mock.faults.FaultSpec;
import io.github.deepcleermock.mock.store.StoreUnavailableException;
import java.util.concurrent.TimeUnit;

/**
 * Fault rules in creation order, then magic values (read from the call's fault key); the first that matches
 * applies. A rule with only a delay lets the pipeline decide the answer and holds it back; a forced code changes no
 * state.
 */
public final class ApplyFaults implements Step<Call> {

  /** What {@code mock-delay-<ms>} does once the delay is set. */
  public enum MagicDelay {
    /** Answer 1100 at once (close: the magic id names no stream, so there is nothing to close). */
    ANSWERS_SUCCESS,
    /** Let the later steps decide, as a delay-only rule does (submit: the stream opens, the answer waits). */
    HOLDS_THE_ANSWER
  }

  private final FaultRules rules;
  private final boolean magicValues;
  private final MagicDelay magicDelay;

  public ApplyFaults(FaultRules rules, boolean magicValues, MagicDelay magicDelay) {
    this.rules = rules;
    this.magicValues = magicValues;
    this.magicDelay = magicDelay;
  }

  @Override
  public Outcome apply(Call call) {
    FaultRule rule;
    try {
      rule = rules.fire(call.accessKey(), call.faultKey());
    } catch (StoreUnavailableException e) {
      // A shared rule's firing could not be counted: nothing fired, nothing half-counted.
      return call.answer(VendorCode.SERVICE_FAILURE, TakeToken.STORE_UNAVAILABLE);
    }
    if (rule != null) {
      return applyRule(call, rule);
    }
    if (magicValues && call.faultKey() != null) {
      MagicValue magic = MagicValue.parse(call.faultKey());
      if (magic != null) {
        call.delayNanos(TimeUnit.MILLISECONDS.toNanos(magic.delayMs()));
        if (magic.code() == VendorCode.SUCCESS && magicDelay == MagicDelay.HOLDS_THE_ANSWER) {
          return null;
        }
        return call.answer(magic.code(), magic.reason());
      }
    }
    return null;
  }

  private static Outcome applyRule(Call call, FaultRule rule) {
    FaultSpec spec = rule.spec();
    call.faultId(rule.id());
    call.delayNanos(TimeUnit.MILLISECONDS.toNanos(spec.delayMs()));
    String reason = "fault rule " + rule.id();
    if (spec.fault() != null) {
      return call.breakTransport(spec.fault(), reason + ": " + spec.fault());
    }
    if (spec.code() != null) {
      String message = spec.message() != null ? spec.message() : VendorCode.messageFor(spec.code());
      return call.answer(spec.code(), message, reason, false);
    }
    return null;
  }
}
