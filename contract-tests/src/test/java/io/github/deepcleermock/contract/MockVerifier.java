package io.github.deepcleermock.contract;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.FileSource;
import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.provider.ConsumerInfo;
import au.com.dius.pact.provider.HttpClientFactory;
import au.com.dius.pact.provider.ProviderClient;
import au.com.dius.pact.provider.ProviderInfo;
import au.com.dius.pact.provider.ProviderResponse;
import au.com.dius.pact.provider.ProviderVerifier;
import au.com.dius.pact.provider.VerificationFailureType;
import au.com.dius.pact.provider.VerificationResult;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Verifies pact interactions against a running mock with Pact JVM's core verifier, setting provider states through
 * the mock's own {@code POST /__admin/provider-states} (JSON body, setup and teardown) exactly as an external
 * verifier (Maven/Gradle plugin, pact CLI) would, and records every exchange so it can be checked against the spec.
 *
 * <p>The core verifier rather than the JUnit 5 {@code @State} route: the JUnit 5 provider only calls annotated
 * methods, so the state URL itself would go untested; and a teeth test needs a verification it can watch fail.
 */
public final class MockVerifier {

  /** The mock's state-change endpoint, relative to its base URL. */
  public static final String STATE_CHANGE_PATH = "/__admin/provider-states";

  private final ProviderInfo provider;
  private final ProviderVerifier verifier = new ProviderVerifier();

  /** A verifier for the mock listening at {@code baseUrl} (e.g. {@code http://127.0.0.1:41234}). */
  public MockVerifier(URI baseUrl) {
    provider = new ProviderInfo(
        PactParticipants.PROVIDER, baseUrl.getScheme(), baseUrl.getHost(), baseUrl.getPort(), "/");
    provider.setStateChangeUrl(url(baseUrl.resolve(STATE_CHANGE_PATH)));
    provider.setStateChangeUsesBody(true);
    // Teardown restores the mock's baseline, so each interaction starts from the same state.
    provider.setStateChangeTeardown(true);
    verifier.initialiseReporters(provider);
  }

  /** One HTTP exchange as the verifier sent and received it. */
  public record Exchange(IRequest request, ProviderResponse response) {

    /** The response body as text, or null when there was none. */
    public String responseBody() {
      return response.getBody().isPresent() ? response.getBody().valueAsString() : null;
    }

    /** The request body as text, or null when there was none. */
    public String requestBody() {
      return request.getBody().isPresent() ? request.getBody().valueAsString() : null;
    }
  }

  /**
   * The outcome of verifying one interaction: Pact's result, the failure descriptions it collected (empty on
   * success) and the exchanges with the provider (state changes excluded).
   */
  public record Outcome(
      Interaction interaction, VerificationResult result, Map<String, Object> failures, List<Exchange> exchanges) {

    /** Whether the provider honoured the interaction. */
    public boolean passed() {
      return result instanceof VerificationResult.Ok;
    }

    /** A readable account of what failed (one line per mismatch), for assertion messages. */
    public String describe() {
      if (!(result instanceof VerificationResult.Failed failed)) {
        return interaction.getDescription() + ": passed";
      }
      String mismatches = failed.getFailures().values().stream()
          .flatMap(List::stream)
          .map(VerificationFailureType::description)
          .collect(Collectors.joining("\n  "));
      return interaction.getDescription() + ": " + failed.getDescription() + "\n  " + mismatches;
    }
  }

  /** Loads the pact at {@code file}; fails if it is missing or unreadable. */
  public static Pact load(Path file) {
    if (!file.toFile().isFile()) {
      throw new IllegalStateException("No pact at " + file + ": the consumer tests (*PactTest) write it.");
    }
    return DefaultPactReader.INSTANCE.loadPact(file.toFile());
  }

  /** Verifies one interaction of the pact read from {@code source}: state setup, request, comparison, teardown. */
  public Outcome verify(File source, Interaction interaction) {
    ConsumerInfo consumer = new ConsumerInfo(PactParticipants.CONSUMER);
    consumer.setPactSource(new FileSource(source));
    RecordingProviderClient client = new RecordingProviderClient(provider);
    Map<String, Object> failures = new LinkedHashMap<>();
    VerificationResult result = verifier.verifyInteraction(provider, consumer, failures, interaction, client);
    return new Outcome(interaction, result, failures, List.copyOf(client.exchanges));
  }

  private static URL url(URI uri) {
    try {
      return uri.toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("not a URL: " + uri, e);
    }
  }

  /** Pact's HTTP client, keeping a copy of each request it makes to the provider and the response it got. */
  private static final class RecordingProviderClient extends ProviderClient {
    private final List<Exchange> exchanges = new ArrayList<>();

    RecordingProviderClient(ProviderInfo provider) {
      super(provider, new HttpClientFactory());
    }

    @Override
    public ProviderResponse makeRequest(IRequest request) {
      ProviderResponse response = super.makeRequest(request);
      exchanges.add(new Exchange(request, response));
      return response;
    }
  }
}
