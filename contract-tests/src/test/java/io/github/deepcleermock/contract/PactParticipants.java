package io.github.deepcleermock.contract;

import java.nio.file.Path;

/** Names of the two sides of the contract and where the consumer tests write their pact. */
public final class PactParticipants {

  /** The generated Java client, as a Pact consumer. */
  public static final String CONSUMER = "deepcleer-videostream-client";

  /** The mock server, as a Pact provider. */
  public static final String PROVIDER = "deepcleer-videostream-mock";

  private PactParticipants() {}

  /**
   * The pact written by the consumer tests; Maven passes its folder as system property {@code pact.rootDir}, and a
   * run from an IDE falls back to the folder Pact JVM uses by default.
   */
  public static Path pactFile() {
    return Path.of(System.getProperty("pact.rootDir", "target/pacts"), CONSUMER + "-" + PROVIDER + ".json");
  }
}
