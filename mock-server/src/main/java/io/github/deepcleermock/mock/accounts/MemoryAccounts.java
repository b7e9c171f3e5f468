package io.github.deepcleermock.mock.accounts;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The registered access keys in this process's memory: lookup on the close path, upserts from the admin API and the
 * provider states (the memory store, and the local view a shared store reloads).
 *
 * <p>Lookups read a {@link ConcurrentHashMap}; writers of one key serialize on the map's per-key compute. A restore
 * builds the baseline in a new map and swaps it in with one volatile write, so a close racing a reset sees the old
 * accounts or the new ones, never the emptied map in between (which answered 9101 for a configured key).
 */
public final class MemoryAccounts implements Accounts {

  private volatile Map<String, AccountState> byKey = new ConcurrentHashMap<>();

  /** The run-time state of {@code accessKey}, if registered. */
  @Override
  public Optional<AccountState> find(String accessKey) {
    return Optional.ofNullable(byKey.get(accessKey));
  }

  /** The run-time state of {@code accessKey}, or null (the close path avoids the Optional). */
  @Override
  public AccountState get(String accessKey) {
    return byKey.get(accessKey);
  }

  /** The settings of {@code accessKey}, if registered. */
  @Override
  public Optional<Account> account(String accessKey) {
    return find(accessKey).map(AccountState::account);
  }

  /**
   * Registers or wholly replaces an account: settings as given, a full bucket, not frozen (the admin PUT).
   */
  @Override
  public Account put(Account account) {
    AccountState fresh = new AccountState(account);
    byKey.put(account.accessKey(), fresh);
    return fresh.account();
  }

  /**
   * Changes an account with {@code change}, or registers {@code ifAbsent} first. Used by provider states, which
   * must commute: authorizing a key never refills its bucket or clears its flags.
   */
  public Account upsert(String accessKey, Account ifAbsent, UnaryOperator<Account> change) {
    return byKey.compute(
            accessKey,
            (key, existing) -> {
              if (existing == null) {
                return new AccountState(change.apply(ifAbsent));
              }
              existing.update(change.apply(existing.account()));
              return existing;
            })
        .account();
  }

  @Override
  public Account ensure(String accessKey) {
    return upsert(accessKey, Account.of(accessKey), account -> account);
  }

  @Override
  public Account grant(String accessKey, Set<String> permissions) {
    return upsert(accessKey, Account.of(accessKey), account -> {
      Set<String> changed = new HashSet<>(account.permissions());
      changed.addAll(permissions);
      return account.withPermissions(changed);
    });
  }

  @Override
  public Account revoke(String accessKey, Set<String> permissions) {
    return upsert(accessKey, Account.of(accessKey), account -> {
      Set<String> changed = new HashSet<>(account.permissions());
      changed.removeAll(permissions);
      return account.withPermissions(changed);
    });
  }

  @Override
  public boolean freeze(String accessKey) {
    AccountState state = byKey.get(accessKey);
    if (state == null) {
      return false;
    }
    state.freezeBuckets();
    return true;
  }

  /** Sets the flag that makes closes by the key answer 1904; false if the key is unknown. */
  @Override
  public boolean setStreamLimitReached(String accessKey, boolean reached) {
    AccountState state = byKey.get(accessKey);
    if (state == null) {
      return false;
    }
    state.setStreamLimitReached(reached);
    return true;
  }

  /** Removes the key; true if it was registered. */
  @Override
  public boolean remove(String accessKey) {
    return byKey.remove(accessKey) != null;
  }

  /** All accounts sorted by key. */
  @Override
  public List<Account> list() {
    return byKey.values().stream()
        .map(AccountState::account)
        .sorted(Comparator.comparing(Account::accessKey))
        .toList();
  }

  /** Whether the key's bucket is frozen empty. */
  @Override
  public boolean isFrozen(String accessKey) {
    AccountState state = byKey.get(accessKey);
    return state != null && state.bucket().isFrozen();
  }

  /** Replaces everything with {@code baseline}: full buckets, flags as configured. */
  public void restore(List<Account> baseline) {
    replace(baseline, Set.of());
  }

  /**
   * Replaces everything with {@code accounts}, the buckets of {@code frozen} keys frozen (a shared store's reload):
   * one volatile write, so a racing lookup sees the old accounts or the new ones.
   */
  public void replace(List<Account> accounts, Set<String> frozen) {
    Map<String, AccountState> fresh = new ConcurrentHashMap<>();
    for (Account account : accounts) {
      AccountState state = new AccountState(account);
      if (frozen.contains(account.accessKey())) {
        state.freezeBuckets();
      }
      fresh.put(account.accessKey(), state);
    }
    byKey = fresh;
  }

  /** Keys currently registered. */
  @Override
  public Set<String> keys() {
    return Set.copyOf(byKey.keySet());
  }
}
