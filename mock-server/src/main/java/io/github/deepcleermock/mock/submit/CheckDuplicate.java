package io.github.deepcleermock.mock.submit;

import io.github.deepcleermock.mock.pipeline.Outcome;
import io.github.deepcleermock.mock.streams.DedupKeys;
import io.github.deepcleermock.mock.streams.StreamRecord;
import io.github.deepcleermock.mock.streams.StreamStore;

/**
 * Duplicate: the same stream already moderated for this key answers 1100 with {@code detail.dupRequestId}, the
 * running task's id, and opens nothing (decisions for U2–U4). It comes before the stream limit: a client that lost
 * the first answer must learn the id it can close even when its slots are full.
 */
final class CheckDuplicate implements io.github.deepcleermock.mock.pipeline.Step<SubmitCall> {

  private final StreamStore streams;

  CheckDuplicate(StreamStore streams) {
    this.streams = streams;
  }

  @Override
  public Outcome apply(SubmitCall call) {
    String key = DedupKeys.of(call.accessKey(), call.data);
    if (key == null) {
      return null;
    }
    StreamRecord running = streams.running(key);
    return running == null ? null : duplicate(call, running);
  }

  static Outcome duplicate(SubmitCall call, StreamRecord running) {
    return call.duplicate(running.requestId(), "duplicate of running stream (same dedup key)");
  }
}
