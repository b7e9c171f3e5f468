package io.github.deepcleermock.mock.store.redis;

/** The Redis keys of the shared control state (accounts, faults, scenarios), all under {@code dcm:}. */
final class ControlKeys {

  /** Rises with every change of accounts, faults or scenarios; instances reload their view when it moved. */
  static final String VERSION = "dcm:config:version";
  /** Rises with every reset: instances then reseed their fault generator. */
  static final String RESETS = "dcm:config:resets";
  /** Which configured baseline the group was seeded from (a digest of its accounts and scenarios). */
  static final String BASELINE = "dcm:config:baseline";
  /** Hash: access key → account JSON (with its {@code frozen} flag). */
  static final String ACCOUNTS = "dcm:account:all";
  /** Hash: fault id → spec JSON. */
  static final String FAULTS = "dcm:fault:rules";
  /** Hash: fault id → how often it fired in the whole group. */
  static final String FIRED = "dcm:fault:fired";
  /** Counter behind the fault ids. */
  static final String FAULT_IDS = "dcm:fault:ids";
  /** Hash: scenario id → scenario JSON. */
  static final String SCENARIOS = "dcm:scenario:rules";
  /** Counter behind the scenario ids. */
  static final String SCENARIO_IDS = "dcm:scenario:ids";

  private ControlKeys() {}
}
