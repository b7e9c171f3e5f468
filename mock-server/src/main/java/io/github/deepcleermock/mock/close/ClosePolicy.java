package io.github.deepcleermock.mock.close;

import java.util.Objects;

/**
 * The user's choices where the vendor is silent.
 *
 * @param unknownStreams how to answer a close of an unknown id
 * @param magicValues whether requestIds like {@code mock-1903} force outcomes
 */
public record ClosePolicy(UnknownStreamPolicy unknownStreams, boolean magicValues) {

  public static final ClosePolicy DEFAULT = new ClosePolicy(UnknownStreamPolicy.ACCEPT, true);

  public ClosePolicy {
    Objects.requireNonNull(unknownStreams, "unknownStreams");
  }
}
