package io.github.deepcleermock.mock.simulation;

import java.util.List;

/**
 * How streams are simulated, from the start-up configuration.
 *
 * @param scenarios scenario rules of the baseline (restored by every reset)
 * @param timeScale the simulation and callback retries run this many times faster than real time (at least 1);
 *     the QPS limiter always runs at real time
 */
public record SimulationConfig(List<ScenarioSpec> scenarios, double timeScale) {

  /** No scenarios, real time. */
  public static final SimulationConfig DEFAULT = new SimulationConfig(List.of(), 1);

  public SimulationConfig {
    scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    if (!(timeScale >= 1) || Double.isInfinite(timeScale) || timeScale > 10_000) {
      throw new IllegalArgumentException("timeScale: must be 1..10000, was " + timeScale);
    }
  }
}
