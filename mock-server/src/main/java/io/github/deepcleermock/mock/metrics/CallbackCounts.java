package io.github.deepcleermock.mock.metrics;

import io.github.deepcleermock.mock.callbacks.CallbackAttempt;
import io.github.deepcleermock.mock.callbacks.CallbackObserver;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts ended callback attempts by kind and outcome. The kind is read from the payload the way a receiver tells
 * them apart: {@code statCode} 1 is a stream end; otherwise contentType 1 is a frame result, 2 an audio result.
 */
final class CallbackCounts implements CallbackObserver {

  private final MeterRegistry registry;
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  CallbackCounts(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void attemptEnded(CallbackAttempt attempt) {
    String kind = kindOf(attempt);
    String outcome = attempt.outcome().name();
    counts.computeIfAbsent(kind + ' ' + outcome, k -> register(kind, outcome)).increment();
  }

  static String kindOf(CallbackAttempt attempt) {
    var payload = attempt.payload();
    if (payload != null && payload.path("statCode").asInt(0) == 1) {
      return "end";
    }
    return attempt.contentType() == 2 ? "audio" : "frame";
  }

  private LongAdder register(String kind, String outcome) {
    LongAdder adder = new LongAdder();
    FunctionCounter.builder("deepcleer.mock.callback.attempts", adder, LongAdder::sum)
        .description("Callback attempts that ended, by kind (end, frame, audio) and outcome")
        .tag("kind", kind)
        .tag("outcome", outcome)
        .register(registry);
    return adder;
  }
}
