package io.github.deepcleermock.mock.accounts;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The registered access keys of one mock instance: lookup on the close path, upserts from the admin API and the
 * provider states.
 *
 * <p>Lookups read a {@link ConcurrentHashMap}; writers of one key serialize on the map's per-key compute. A restore
 * builds the baseline in a new map and swaps it in with one volatile write, so a close racing a reset sees the old
 * accounts or the new ones, never the emptied map in between (which answered 9101 for a configured key).
 */
public final class Accounts implements AccountDirectory {

  private volatile Map<String, AccountState> byKey = new ConcurrentHashMap<>();

  /** The run-time state of {@code accessKey}, if registered. */
  public Optional<AccountState> find(String accessKey) {
    return Optional.ofNullable(byKey.get(accessKey));
  }

  /** The run-time state of {@code accessKey}, or null (the close path avoids the Optional). */
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
  public boolean isFrozen(String accessKey) {
    AccountState state = byKey.get(accessKey);
    return state != null && state.bucket().isFrozen();
  }

  /** Replaces everything with {@code baseline}: full buckets, flags as configured. */
  public void restore(List<Account> baseline) {
    Map<String, AccountState> fresh = new ConcurrentHashMap<>();
    for (Account account : baseline) {
      fresh.put(account.accessKey(), new AccountState(account));
    }
    byKey = fresh;
  }

  /** Keys currently registered. */
  @Override
  public Set<String> keys() {
    return Set.copyOf(byKey.keySet());
  }
}
