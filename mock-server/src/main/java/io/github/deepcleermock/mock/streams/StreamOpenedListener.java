package io.github.deepcleermock.mock.streams;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Told when a stream becomes ACTIVE (submitted, seeded or set up by a provider state); the simulation listens. */
@FunctionalInterface
public interface StreamOpenedListener {

  StreamOpenedListener NONE = stream -> {};

  /** Called once per opening, on the opening thread; must not block. */
  void streamOpened(StreamRecord stream);

  /**
   * As {@link #streamOpened(StreamRecord)}, from an opener that holds the stream's {@code data} parsed already (a
   * submit): listeners read it instead of parsing the stored text again. Read only, and not to be kept.
   */
  default void streamOpened(StreamRecord stream, ObjectNode data) {
    streamOpened(stream);
  }
}
