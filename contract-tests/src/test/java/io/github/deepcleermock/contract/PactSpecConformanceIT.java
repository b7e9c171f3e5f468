package io.github.deepcleermock.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.contract.PactFile.Interaction;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Holds the generated pact to the spec: every expected response conforms, every request conforms unless it
 * expects 1902, in which case it must break the rule its interaction names — so spec and contract agree on what
 * is invalid.
 */
class PactSpecConformanceIT {

  private static final int INVALID_PARAMETERS = 1902;

  private static List<Interaction> interactions;

  @BeforeAll
  static void readThePact() {
    interactions = PactFile.read(PactParticipants.pactFile());
  }

  @TestFactory
  Stream<DynamicTest> everyExpectedResponseConformsToTheSpec() {
    return interactions.stream()
        .map(i -> DynamicTest.dynamicTest(i.description(), () -> SpecConformance.assertResponseConforms(
            i.request().method(), i.request().path(), i.status(), i.response().headers(), i.response().body())));
  }

  @TestFactory
  Stream<DynamicTest> everyRequestConformsUnlessItExpects1902AndThenBreaksTheNamedRule() {
    return interactions.stream().map(i -> DynamicTest.dynamicTest(i.description(), () -> {
      List<String> rules = violatedRules(i);
      if (expectedCode(i) == INVALID_PARAMETERS) {
        assertThat(rules).as("a 1902 interaction names exactly one violated spec rule").hasSize(1);
        SpecConformance.assertRequestViolates(
            i.request().method(), i.request().path(), i.request().headers(), i.request().body(), rules.get(0));
      } else {
        assertThat(rules).as("only 1902 interactions name a violated rule").isEmpty();
        SpecConformance.assertRequestConforms(
            i.request().method(), i.request().path(), i.request().headers(), i.request().body());
      }
    }));
  }

  @Test
  void thePactCoversEveryDocumentedCodeAndEveryInvalidityRule() {
    assertThat(interactions.stream().map(PactSpecConformanceIT::expectedCode).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(1100, 1901, 1902, 1903, 1904, 9101);
    assertThat(interactions.stream().flatMap(i -> violatedRules(i).stream()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("required", "maxLength", "type", "pattern");
  }

  @Test
  void everyInteractionRunsUnderKnownProviderStatesAndEveryStateIsUsed() throws IllegalAccessException {
    Set<String> known = new TreeSet<>();
    for (Field f : ProviderStates.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        known.add((String) f.get(null));
      }
    }
    assertThat(known).hasSize(9);
    assertThat(interactions.stream().flatMap(i -> i.providerStates().stream()).map(s -> s.name()))
        .as("every state of the vocabulary is exercised by some interaction")
        .containsAll(known);
    for (Interaction i : interactions) {
      assertThat(i.providerStates()).as(i.description()).isNotEmpty();
      assertThat(i.providerStates()).as(i.description())
          .allSatisfy(s -> assertThat(known).contains(s.name()))
          .allSatisfy(s -> assertThat(s.params()).containsKey("accessKey"));
    }
  }

  private static int expectedCode(Interaction i) {
    return i.response().json().path("code").asInt();
  }

  private static List<String> violatedRules(Interaction i) {
    return i.comments().stream()
        .filter(c -> c.startsWith(FinishVideoStreamPactTest.VIOLATES))
        .map(c -> c.substring(FinishVideoStreamPactTest.VIOLATES.length()))
        .toList();
  }
}
