package io.github.deepcleermock.mock.close;

import io.github.deepcleermock.mock.streams.StreamRecord;

/** Told when a close made an ACTIVE stream CLOSED (exactly once per stream); the callbacks feature listens. */
@FunctionalInterface
public interface StreamClosedListener {

  StreamClosedListener NONE = stream -> {};

  /** Called on the request thread; must not block. */
  void streamClosed(StreamRecord stream);
}
