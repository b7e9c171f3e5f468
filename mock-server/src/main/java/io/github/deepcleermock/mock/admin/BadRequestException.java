package io.github.deepcleermock.mock.admin;

/** An admin request the mock cannot act on; the message is {@code "<field>: <problem>"}. */
final class BadRequestException extends RuntimeException {
  BadRequestException(String message) {
    super(message);
  }
}
