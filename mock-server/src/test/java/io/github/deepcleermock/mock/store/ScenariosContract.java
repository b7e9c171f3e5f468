package io.github.deepcleermock.mock.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.deepcleermock.mock.simulation.RiskLevel;
import io.github.deepcleermock.mock.simulation.Scenario;
import io.github.deepcleermock.mock.simulation.ScenarioMatch;
import io.github.deepcleermock.mock.simulation.ScenarioSpec;
import io.github.deepcleermock.mock.simulation.Scenarios;
import io.github.deepcleermock.mock.simulation.Script;
import io.github.deepcleermock.mock.streams.StreamSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every scenario store does, run against memory and Redis. */
public abstract class ScenariosContract extends ControlContract {

  private static final ScenarioSpec BASELINE =
      new ScenarioSpec(new ScenarioMatch("BASE", null, null, null), Script.NONE.withFrame(3, RiskLevel.REJECT));

  @Override
  protected List<ScenarioSpec> scenarioBaseline() {
    return List.of(BASELINE);
  }

  private Scenarios scenarios() {
    return control.scenarios();
  }

  private static StreamSpec stream(String accessKey, String room) {
    StreamSpec.Builder builder = StreamSpec.builder().accessKey(accessKey).requestId("req-" + accessKey);
    return room == null
        ? builder.build()
        : builder.data(JsonNodeFactory.instance.objectNode().put("streamType", "NORMAL").put("room", room)).build();
  }

  @Test
  void theBaselineScenariosAreThereAfterARestoreWithNewIds() {
    String first = scenarios().list().get(0).id();
    scenarios().clear();
    assertThat(scenarios().list()).isEmpty();
    control.restore(baseline());
    assertThat(scenarios().list()).extracting(Scenario::spec).containsExactly(BASELINE);
    assertThat(scenarios().list().get(0).id()).isNotEqualTo(first);
  }

  @Test
  void theFirstMatchingRuleGivesItsScriptWhateverTheScriptHolds() {
    Script review = Script.NONE.withFrame(6, RiskLevel.REVIEW).withSegment(2, RiskLevel.REJECT, "words");
    ScenarioSpec byRoom = new ScenarioSpec(new ScenarioMatch(null, null, "room-1", null), review);
    Scenario added = scenarios().add(byRoom);
    assertThat(scenarios().list()).extracting(Scenario::id).endsWith(added.id());
    assertThat(scenarios().scriptFor(stream("BASE", "room-1"))).contains(BASELINE.script());
    assertThat(scenarios().scriptFor(stream("OTHER", "room-1"))).contains(review);
    assertThat(scenarios().scriptFor(stream("OTHER", "room-2"))).isEmpty();
  }

  @Test
  void aRemovedRuleNoLongerShapesStreams() {
    String id = scenarios().list().get(0).id();
    assertThat(scenarios().remove(id)).isTrue();
    assertThat(scenarios().remove(id)).isFalse();
    assertThat(scenarios().remove("")).isFalse();
    assertThat(scenarios().scriptFor(stream("BASE", null))).isEmpty();
  }
}
