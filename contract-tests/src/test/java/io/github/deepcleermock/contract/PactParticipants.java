package io.github.deepcleermock.contract;

import java.nio.file.Path;

/** Names of the sides of the two contracts (HTTP and callback messages) and where the consumer tests write them. */
public final class PactParticipants {

  /** The generated Java client, as a Pact consumer. */
  public static final String CONSUMER = "deepcleer-videostream-client";

  /** The mock server, as a Pact provider. */
  public static final String PROVIDER = "deepcleer-videostream-mock";

  /** A team's callback receiver, as the consumer of the callback message pact. */
  public static final String CALLBACK_CONSUMER = "deepcleer-videostream-callback-receiver";

  /** The mock's callbacks, as a Pact message provider (a separate name from the HTTP provider, as Pact advises). */
  public static final String CALLBACK_PROVIDER = "deepcleer-videostream-mock-callbacks";

  private PactParticipants() {}

  /**
   * The pact written by the consumer tests; Maven passes its folder as system property {@code pact.rootDir}, and a
   * run from an IDE falls back to the folder Pact JVM uses by default.
   */
  public static Path pactFile() {
    return Path.of(System.getProperty("pact.rootDir", "target/pacts"), CONSUMER + "-" + PROVIDER + ".json");
  }

  /** The callback message pact written by the consumer tests, in the same folder. */
  public static Path callbackPactFile() {
    return Path.of(
        System.getProperty("pact.rootDir", "target/pacts"), CALLBACK_CONSUMER + "-" + CALLBACK_PROVIDER + ".json");
  }
}
