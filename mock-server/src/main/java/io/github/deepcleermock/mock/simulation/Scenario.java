package io.github.deepcleermock.mock.simulation;

/**
 * A registered scenario rule.
 *
 * @param id {@code scenario-<n>}, rising across resets
 * @param spec its match and script
 */
public record Scenario(String id, ScenarioSpec spec) {}
