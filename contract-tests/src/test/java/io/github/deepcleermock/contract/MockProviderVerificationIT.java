package io.github.deepcleermock.contract;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.deepcleermock.contract.MockVerifier.Exchange;
import io.github.deepcleermock.contract.MockVerifier.Outcome;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Provider verification: the mock, started in-process on a free port, honours every interaction of the generated
 * client's pact, with states set through its own state-change URL; every response it gave conforms to the spec,
 * and it answered 1902 exactly when the request broke the spec.
 */
class MockProviderVerificationIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance();

  private MockVerifier verifier;

  @BeforeEach
  void connect(DeepCleerMock mock) {
    verifier = new MockVerifier(mock.baseUri());
  }

  @TestFactory
  Stream<DynamicTest> theMockHonoursEveryInteractionOfTheClientPact() {
    File pactFile = PactParticipants.pactFile().toFile();
    Pact pact = MockVerifier.load(pactFile.toPath());
    assertThat(pact.getInteractions()).as("interactions in %s", pactFile).isNotEmpty();
    return pact.getInteractions().stream()
        .map(i -> DynamicTest.dynamicTest(i.getDescription(), () -> verifyAndCheckAgainstTheSpec(pactFile, i)));
  }

  private void verifyAndCheckAgainstTheSpec(File pactFile, Interaction interaction) throws Exception {
    Outcome outcome = verifier.verify(pactFile, interaction);
    assertThat(outcome.passed()).as(outcome.describe()).isTrue();
    assertThat(outcome.exchanges()).as("requests sent for %s", interaction.getDescription()).hasSize(1);

    Exchange exchange = outcome.exchanges().get(0);
    String method = exchange.request().getMethod();
    String path = exchange.request().getPath();
    Map<String, List<String>> requestHeaders = exchange.request().getHeaders();
    SpecConformance.assertResponseConforms(
        method, path, exchange.response().getStatusCode(), exchange.response().getHeaders(),
        exchange.responseBody());

    int code = JSON.readTree(exchange.responseBody()).path("code").asInt();
    if (code == 1902) {
      assertThat(SpecConformance.errorKeys(
              SpecConformance.validateRequest(method, path, requestHeaders, exchange.requestBody())))
          .as("the mock answered 1902, so the spec must call this request invalid: %s", exchange.requestBody())
          .isNotEmpty();
    } else {
      SpecConformance.assertRequestConforms(method, path, requestHeaders, exchange.requestBody());
    }
  }
}
