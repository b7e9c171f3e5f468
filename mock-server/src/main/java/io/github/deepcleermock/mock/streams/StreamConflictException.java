package io.github.deepcleermock.mock.streams;

/** A stream could not be seeded or ended because of the streams already there (the admin API answers 409). */
public final class StreamConflictException extends RuntimeException {

  private final String field;
  private final String problem;

  /** A conflict on {@code field}; the message is {@code "<field>: <problem>"}, as admin errors are. */
  public StreamConflictException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  /** The field whose value conflicts ({@code requestId}, {@code dupRequestIds} or {@code accessKey}). */
  public String field() {
    return field;
  }

  /** What is wrong, without the field. */
  public String problem() {
    return problem;
  }
}
