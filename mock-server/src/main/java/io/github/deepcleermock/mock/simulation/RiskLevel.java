package io.github.deepcleermock.mock.simulation;

/** A verdict, ordered from harmless to worst: an end callback reports the worst one of its medium. */
public enum RiskLevel {
  PASS,
  REVIEW,
  REJECT;

  /** The worse of the two. */
  public RiskLevel worst(RiskLevel other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  /** Parses {@code PASS}, {@code REVIEW} or {@code REJECT}; anything else fails naming {@code field}. */
  public static RiskLevel parse(String field, String value) {
    if (value != null) {
      for (RiskLevel level : values()) {
        if (level.name().equals(value)) {
          return level;
        }
      }
    }
    throw new IllegalArgumentException(field + ": must be PASS, REVIEW or REJECT");
  }
}
