package io.github.deepcleermock.mock.streams;

/** Told when a stream becomes ACTIVE (submitted, seeded or set up by a provider state); the simulation listens. */
@FunctionalInterface
public interface StreamOpenedListener {

  StreamOpenedListener NONE = stream -> {};

  /** Called once per opening, on the opening thread; must not block. */
  void streamOpened(StreamRecord stream);
}
