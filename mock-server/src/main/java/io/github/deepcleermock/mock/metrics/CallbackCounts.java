package io.github.deepcleermock.mock.metrics;

import io.github.deepcleermock.mock.callbacks.CallbackAttempt;
import io.github.deepcleermock.mock.callbacks.CallbackObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts ended callback attempts by kind and outcome: the delivery's kind, or, for an attempt without one, what
 * the payload says the way a receiver tells them apart ({@code statCode} 1 is a stream end; otherwise contentType
 * 1 is a frame result, 2 an audio result).
 */
final class CallbackCounts implements CallbackObserver {

  /** One series of {@code deepcleer_mock_callback_attempts_total}. */
  record Key(String kind, String outcome) {}

  private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

  @Override
  public void attemptEnded(CallbackAttempt attempt) {
    counts.computeIfAbsent(new Key(kindOf(attempt), attempt.outcome().name()), k -> new LongAdder()).increment();
  }

  static String kindOf(CallbackAttempt attempt) {
    if (attempt.kind() != null) {
      return switch (attempt.kind()) {
        case STREAM_END -> "end";
        case FRAME_RESULT -> "frame";
        case AUDIO_RESULT -> "audio";
      };
    }
    var payload = attempt.payload();
    if (payload != null && payload.path("statCode").asInt(0) == 1) {
      return "end";
    }
    return attempt.contentType() == 2 ? "audio" : "frame";
  }

  /** Attempts by series (live adders). */
  Map<Key, LongAdder> counts() {
    return counts;
  }
}
