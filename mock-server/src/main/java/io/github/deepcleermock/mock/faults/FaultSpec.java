package io.github.deepcleermock.mock.faults;

import java.util.Objects;

/**
 * A fault rule as a user states it (admin API, provider state or builder).
 *
 * @param match which requests it applies to
 * @param code the code to answer instead (any integer), or null to let the pipeline decide
 * @param message the message for {@code code}; null takes the catalogue's message for a known code
 * @param delayMs how long to hold the answer back (0..60000); the outcome is decided first
 * @param times how many times it may fire, or null for no limit
 * @param probability the chance it fires when it matches (0..1), drawn from the mock's seeded generator
 * @param fault a transport fault instead of an answer, or null
 */
public record FaultSpec(
    FaultMatch match,
    Integer code,
    String message,
    long delayMs,
    Integer times,
    double probability,
    TransportFault fault) {

  public static final long MAX_DELAY_MS = 60_000;

  public FaultSpec {
    match = match == null ? FaultMatch.ANY : match;
    if (delayMs < 0 || delayMs > MAX_DELAY_MS) {
      throw new IllegalArgumentException("delayMs: must be 0..60000, was " + delayMs);
    }
    if (times != null && times < 1) {
      throw new IllegalArgumentException("times: must be at least 1, was " + times);
    }
    if (Double.isNaN(probability) || probability < 0 || probability > 1) {
      throw new IllegalArgumentException("probability: must be between 0 and 1, was " + probability);
    }
    if (code == null && fault == null && delayMs == 0) {
      throw new IllegalArgumentException("body: one of code, delayMs or fault is required");
    }
    if (code != null && fault != null) {
      throw new IllegalArgumentException("fault: cannot be combined with code (a transport fault sends no code)");
    }
    if (message != null && code == null) {
      throw new IllegalArgumentException("message: only allowed together with code");
    }
  }

  /** Always answer {@code code} to requests matching {@code match}. */
  public static FaultSpec code(FaultMatch match, int code) {
    return new FaultSpec(match, code, null, 0, null, 1.0, null);
  }

  /** Break the transport for requests matching {@code match}. */
  public static FaultSpec transport(FaultMatch match, TransportFault fault) {
    return new FaultSpec(match, null, null, 0, null, 1.0, Objects.requireNonNull(fault, "fault"));
  }

  /** Delay the answer to requests matching {@code match}; the pipeline decides the answer. */
  public static FaultSpec delay(FaultMatch match, long delayMs) {
    return new FaultSpec(match, null, null, delayMs, null, 1.0, null);
  }

  public FaultSpec withTimes(int newTimes) {
    return new FaultSpec(match, code, message, delayMs, newTimes, probability, fault);
  }

  public FaultSpec withProbability(double newProbability) {
    return new FaultSpec(match, code, message, delayMs, times, newProbability, fault);
  }

  public FaultSpec withMessage(String newMessage) {
    return new FaultSpec(match, code, newMessage, delayMs, times, probability, fault);
  }

  public FaultSpec withDelayMs(long newDelayMs) {
    return new FaultSpec(match, code, message, newDelayMs, times, probability, fault);
  }
}
