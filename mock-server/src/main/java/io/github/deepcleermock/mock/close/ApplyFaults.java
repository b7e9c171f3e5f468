package io.github.deepcleermock.mock.close;

import io.github.deepcleermock.mock.faults.FaultRule;
import io.github.deepcleermock.mock.faults.FaultRules;
import io.github.deepcleermock.mock.faults.FaultSpec;
import io.github.deepcleermock.mock.pipeline.VendorCode;
import java.util.concurrent.TimeUnit;

/**
 * Step 5: fault rules in creation order, then magic values; the first that matches applies. A rule with only a
 * delay lets the pipeline decide the answer and holds it back; a forced code changes no state.
 */
final class ApplyFaults implements CloseStep {

  private final FaultRules rules;
  private final boolean magicValues;

  ApplyFaults(FaultRules rules, boolean magicValues) {
    this.rules = rules;
    this.magicValues = magicValues;
  }

  @Override
  public CloseOutcome apply(CloseCall call) {
    FaultRule rule = rules.fire(call.accessKey, call.requestId);
    if (rule != null) {
      return applyRule(call, rule);
    }
    if (magicValues) {
      MagicValue magic = MagicValue.parse(call.requestId);
      if (magic != null) {
        call.delayNanos = TimeUnit.MILLISECONDS.toNanos(magic.delayMs());
        return call.answer(magic.code(), magic.reason());
      }
    }
    return null;
  }

  private static CloseOutcome applyRule(CloseCall call, FaultRule rule) {
    FaultSpec spec = rule.spec();
    call.faultId = rule.id();
    call.delayNanos = TimeUnit.MILLISECONDS.toNanos(spec.delayMs());
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
