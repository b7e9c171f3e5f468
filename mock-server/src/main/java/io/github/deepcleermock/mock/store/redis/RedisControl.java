package io.github.deepcleermock.mock.store.redis;

import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.accounts.Accounts;
import io.github.deepcleermock.mock.accounts.MemoryAccounts;
import io.github.deepcleermock.mock.faults.FaultRule;
import io.github.deepcleermock.mock.faults.FaultRules;
import io.github.deepcleermock.mock.simulation.Scenario;
import io.github.deepcleermock.mock.simulation.ScenarioSpec;
import io.github.deepcleermock.mock.simulation.Scenarios;
import io.github.deepcleermock.mock.store.ControlRefresh;
import io.github.deepcleermock.mock.store.ControlStore;
import io.github.deepcleermock.mock.store.StoreUnavailableException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accounts, fault rules and scenarios shared by every instance on one Redis, read from a local view.
 *
 * <p>Redis holds the truth; every change is one Lua script that also raises a group version ({@code
 * dcm:config:version}). Each vendor request first reads that version (one GET) and, only when it moved, reloads the
 * whole view in one consistent snapshot script: an admin call that returned on any instance is in force on the
 * next request everywhere (no eventual-consistency window), while the happy path costs one GET and reads the rest
 * from memory. A writer reloads its own view before it answers.
 */
final class RedisControl implements ControlStore {

  /** The version of a view never loaded, or stale after a reload failed: the next refresh reloads. */
  private static final long UNLOADED = Long.MIN_VALUE;

  private final RedisCommands<String, String> redis;
  private final ControlJson json = new ControlJson();
  private final LuaScript accountScript;
  private final LuaScript addRule;
  private final LuaScript removeRule;
  private final LuaScript fire;
  private final LuaScript restore;
  private final LuaScript snapshot;
  private final long faultSeed;
  private final MemoryAccounts accountView = new MemoryAccounts();
  private final RedisAccounts accounts;
  private final RedisFaultRules faults;
  private final RedisScenarios scenarios;
  private volatile List<FaultRule> faultView = List.of();
  /**
   * Rules of the view the group can no longer fire (used up, or removed): a firing refused once is refused for good
   * until the version moves, so they are skipped without asking Redis again.
   */
  private volatile Set<String> spentFaults = ConcurrentHashMap.newKeySet();
  private volatile List<Scenario> scenarioView = List.of();
  private volatile Random random;
  private volatile long loadedVersion = UNLOADED;
  private long loadedResets = -1;
  private volatile Baseline baseline = new Baseline(List.of(), List.of());

  RedisControl(RedisCommands<String, String> redis, long faultSeed) {
    this.redis = redis;
    this.faultSeed = faultSeed;
    this.random = new Random(faultSeed);
    this.accountScript = new LuaScript(redis, ControlScripts.ACCOUNT);
    this.addRule = new LuaScript(redis, ControlScripts.ADD_RULE);
    this.removeRule = new LuaScript(redis, ControlScripts.REMOVE_RULE);
    this.fire = new LuaScript(redis, ControlScripts.FIRE);
    this.restore = new LuaScript(redis, ControlScripts.RESTORE);
    this.snapshot = new LuaScript(redis, ControlScripts.SNAPSHOT);
    this.accounts = new RedisAccounts(this, accountView);
    this.faults = new RedisFaultRules(this);
    this.scenarios = new RedisScenarios(this);
  }

  @Override
  public Accounts accounts() {
    return accounts;
  }

  @Override
  public FaultRules faults() {
    return faults;
  }

  @Override
  public Scenarios scenarios() {
    return scenarios;
  }

  @Override
  public void join(Baseline start) {
    this.baseline = start;
    runRestore(start, true);
    // Whether this instance seeded the group or joined it, it starts from what the group has now.
    reload();
  }

  @Override
  public void restore(Baseline start) {
    this.baseline = start;
    written(runRestore(start, false));
  }

  @Override
  public ControlRefresh refresh() {
    return this::refreshView;
  }

  /**
   * One GET of the group version; reloads the view only when it moved.
   *
   * @throws StoreUnavailableException when Redis cannot be asked
   */
  void refreshView() {
    String version;
    try {
      version = redis.get(ControlKeys.VERSION);
    } catch (RedisException e) {
      throw new StoreUnavailableException(e);
    }
    if (version == null) {
      // Redis came back empty (restarted without persistence): the group starts again from the baseline.
      runRestore(baseline, true);
      reload();
    } else {
      long seen = Long.parseLong(version);
      if (seen != loadedVersion) {
        reloadUnlessAt(seen);
      }
    }
  }

  // ---- the local view, read by the vendor path without asking Redis

  MemoryAccounts accountView() {
    return accountView;
  }

  List<FaultRule> faultView() {
    return faultView;
  }

  Set<String> spentFaults() {
    return spentFaults;
  }

  List<Scenario> scenarioView() {
    return scenarioView;
  }

  Random random() {
    return random;
  }

  long faultSeed() {
    return faultSeed;
  }

  ControlJson json() {
    return json;
  }

  // ---- changes: one script each, then this instance reloads before it answers (read-your-writes)

  /** Runs an account change; answers the stored account JSON ('' when there is none). */
  String changeAccount(String op, String accessKey, String argument) {
    return changeAccount(op, accessKey, argument, List.of());
  }

  /** Runs an account change that also deletes {@code buckets} (a put); answers the stored account JSON. */
  String changeAccount(String op, String accessKey, String argument, List<String> buckets) {
    List<String> keys = new ArrayList<>(List.of(ControlKeys.ACCOUNTS, ControlKeys.VERSION));
    keys.addAll(buckets);
    List<Object> answer =
        accountScript.run(
            ScriptOutputType.MULTI,
            keys.toArray(String[]::new),
            op, accessKey, argument, json.account(Account.of(accessKey)));
    written((Long) answer.get(0));
    return (String) answer.get(1);
  }

  /** Adds a rule to {@code rules}; answers its id ({@code prefix<n>}). */
  String addRule(String idCounter, String rules, String prefix, String ruleJson) {
    List<Object> answer =
        addRule.run(
            ScriptOutputType.MULTI, new String[] {idCounter, rules, ControlKeys.VERSION}, prefix, ruleJson);
    written((Long) answer.get(1));
    return (String) answer.get(0);
  }

  /** Removes one rule ({@code id}) or all ({@code ""}); false when there was no such rule. */
  boolean removeRule(String rules, String counts, String id) {
    Long version =
        removeRule.run(ScriptOutputType.INTEGER, new String[] {rules, counts, ControlKeys.VERSION}, id);
    written(version);
    return version != 0;
  }

  /** Counts one firing of a fault rule when it may still fire, in one step for the whole group. */
  boolean fire(String id, Integer times) {
    Long fired =
        fire.run(
            ScriptOutputType.INTEGER,
            new String[] {ControlKeys.FAULTS, ControlKeys.FIRED},
            id, times == null ? "-1" : times.toString());
    return fired != null && fired == 1L;
  }

  /** How often each fault rule fired in the whole group. */
  java.util.Map<String, String> firedCounts() {
    try {
      return redis.hgetall(ControlKeys.FIRED);
    } catch (RedisException e) {
      throw new StoreUnavailableException(e);
    }
  }

  private Long runRestore(Baseline start, boolean onlyIfAbsent) {
    List<String> baselineArgs = new ArrayList<>();
    baselineArgs.add(Integer.toString(start.accounts().size()));
    for (Account account : start.accounts()) {
      baselineArgs.add(account.accessKey());
      baselineArgs.add(json.account(account));
    }
    for (ScenarioSpec spec : start.scenarios()) {
      baselineArgs.add(json.scenario(spec));
    }
    List<String> args = new ArrayList<>();
    args.add(onlyIfAbsent ? "1" : "0");
    args.add(fingerprint(baselineArgs));
    args.addAll(baselineArgs);
    List<String> keys = new ArrayList<>(List.of(
        ControlKeys.VERSION, ControlKeys.RESETS, ControlKeys.ACCOUNTS, ControlKeys.FAULTS, ControlKeys.FIRED,
        ControlKeys.SCENARIOS, ControlKeys.SCENARIO_IDS, ControlKeys.BASELINE));
    start.accounts().forEach(account -> keys.addAll(RedisTokenBuckets.keys(account)));
    return restore.run(ScriptOutputType.INTEGER, keys.toArray(String[]::new), args.toArray(String[]::new));
  }

  /**
   * After a change went through: reload so this instance's next read sees it. The change itself is whole in Redis;
   * if the reload fails, the view is marked stale and the next request reloads (or answers 1903).
   */
  private void written(Long version) {
    if (version == null || version == 0L || version == loadedVersion) {
      // Nothing changed (an existing key ensured, an unknown id removed) or already seen.
      return;
    }
    try {
      reloadUnlessAt(version);
    } catch (StoreUnavailableException e) {
      loadedVersion = UNLOADED;
    }
  }

  /**
   * Reloads unless another thread already loaded {@code version} while this one waited: after a change, the
   * requests that all saw the version move cost one snapshot, not one each.
   */
  private synchronized void reloadUnlessAt(long version) {
    if (loadedVersion != version) {
      reload();
    }
  }

  /** Loads the whole control state in one consistent snapshot and swaps the view in. */
  private synchronized void reload() {
    List<Object> state =
        snapshot.run(
            ScriptOutputType.MULTI,
            new String[] {
              ControlKeys.VERSION, ControlKeys.RESETS, ControlKeys.ACCOUNTS, ControlKeys.FAULTS,
              ControlKeys.SCENARIOS
            });
    long version = (Long) state.get(0);
    long resets = (Long) state.get(1);
    List<Account> accountList = new ArrayList<>();
    Set<String> frozen = new HashSet<>();
    forEachPair(state.get(2), (key, value) -> {
      accountList.add(json.account(value));
      if (json.frozen(value)) {
        frozen.add(key);
      }
    });
    List<FaultRule> faultList = new ArrayList<>();
    forEachPair(state.get(3), (id, value) -> faultList.add(new FaultRule(id, json.fault(value), 0)));
    faultList.sort(Comparator.comparingLong(rule -> number(rule.id())));
    List<Scenario> scenarioList = new ArrayList<>();
    forEachPair(state.get(4), (id, value) -> scenarioList.add(new Scenario(id, json.scenario(value))));
    scenarioList.sort(Comparator.comparingLong(scenario -> number(scenario.id())));
    accountView.replace(accountList, frozen);
    spentFaults = ConcurrentHashMap.newKeySet();
    faultView = List.copyOf(faultList);
    scenarioView = List.copyOf(scenarioList);
    if (resets != loadedResets) {
      // A reset anywhere in the group: the fault generator starts again from its seed, as in memory.
      random = new Random(faultSeed);
      loadedResets = resets;
    }
    loadedVersion = version;
  }

  private static void forEachPair(Object flat, java.util.function.BiConsumer<String, String> each) {
    List<?> list = (List<?>) flat;
    for (int i = 0; i + 1 < list.size(); i += 2) {
      each.accept((String) list.get(i), (String) list.get(i + 1));
    }
  }

  /** A digest of the baseline, so an instance can tell whether the group was seeded from its configuration. */
  private static String fingerprint(List<String> baselineArgs) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String arg : baselineArgs) {
        digest.update(arg.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The number of an id like {@code fault-12}: ids rise, so creation order is number order. */
  static long number(String id) {
    return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
  }
}
