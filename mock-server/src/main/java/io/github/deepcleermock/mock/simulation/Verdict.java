package io.github.deepcleermock.mock.simulation;

import java.util.Objects;

/**
 * What moderation says about one frame or audio segment.
 *
 * @param riskLevel PASS, REVIEW or REJECT
 * @param riskLabel1 first-level label ({@code normal} on PASS)
 * @param riskLabel2 second-level label (empty on PASS)
 * @param riskLabel3 third-level label (empty on PASS)
 * @param riskDescription text for people
 * @param text the transcript of an audio segment (empty for frames and silent segments)
 */
public record Verdict(
    RiskLevel riskLevel,
    String riskLabel1,
    String riskLabel2,
    String riskLabel3,
    String riskDescription,
    String text) {

  /** The reference's PASS verdict: label1 {@code normal}, the others empty, description {@code Normal}. */
  public static final Verdict PASS = new Verdict(RiskLevel.PASS, "normal", "", "", "Normal", "");

  public Verdict {
    Objects.requireNonNull(riskLevel, "riskLevel");
    riskLabel1 = riskLabel1 == null ? "" : riskLabel1;
    riskLabel2 = riskLabel2 == null ? "" : riskLabel2;
    riskLabel3 = riskLabel3 == null ? "" : riskLabel3;
    riskDescription = riskDescription == null ? "" : riskDescription;
    text = text == null ? "" : text;
  }

  /**
   * A verdict of {@code level} with the labels given, or defaults: PASS gets the {@code normal} labels; REVIEW and
   * REJECT default to {@code violence / bloody} (any label the script names wins).
   */
  public static Verdict of(
      RiskLevel level, String label1, String label2, String label3, String description, String text) {
    if (level == RiskLevel.PASS) {
      return new Verdict(
          level,
          label1 == null ? PASS.riskLabel1 : label1,
          label2 == null ? "" : label2,
          label3 == null ? "" : label3,
          description == null ? PASS.riskDescription : description,
          text);
    }
    String one = label1 == null ? "violence" : label1;
    String two = label2 == null ? (label1 == null ? "bloody" : "") : label2;
    String three = label3 == null ? "" : label3;
    String said = description == null ? describe(one, two) : description;
    return new Verdict(level, one, two, three, said, text);
  }

  private static String describe(String one, String two) {
    String first = one.isEmpty() ? one : Character.toUpperCase(one.charAt(0)) + one.substring(1);
    return two.isEmpty() ? first : first + ": " + two;
  }
}
