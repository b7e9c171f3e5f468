package io.github.deepcleermock.mock.streams;

/** A stream could not be seeded or ended because of the streams already there (the admin API answers 409). */
public final class StreamConflictException extends RuntimeException {
  public StreamConflictException(String message) {
    super(message);
  }
}
