package io.github.deepcleermock.mock.store.redis;

import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.accounts.AccountState;
import io.github.deepcleermock.mock.accounts.Accounts;
import io.github.deepcleermock.mock.accounts.MemoryAccounts;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts shared by a group: each change is one Lua script in Redis; the vendor path reads this instance's view,
 * which the request's refresh brought up to date; admin reads refresh first.
 */
final class RedisAccounts implements Accounts {

  private final RedisControl control;
  private final MemoryAccounts view;

  RedisAccounts(RedisControl control, MemoryAccounts view) {
    this.control = control;
    this.view = view;
  }

  @Override
  public AccountState get(String accessKey) {
    return view.get(accessKey);
  }

  @Override
  public Optional<Account> account(String accessKey) {
    control.refreshView();
    return view.account(accessKey);
  }

  @Override
  public Account put(Account account) {
    return read(control.changeAccount(
        "put", account.accessKey(), control.json().account(account), RedisTokenBuckets.keys(account)));
  }

  @Override
  public Account ensure(String accessKey) {
    return read(control.changeAccount("ensure", accessKey, ""));
  }

  @Override
  public Account grant(String accessKey, Set<String> permissions) {
    return read(control.changeAccount("grant", accessKey, control.json().strings(permissions)));
  }

  @Override
  public Account revoke(String accessKey, Set<String> permissions) {
    return read(control.changeAccount("revoke", accessKey, control.json().strings(permissions)));
  }

  @Override
  public boolean freeze(String accessKey) {
    return !control.changeAccount("freeze", accessKey, "").isEmpty();
  }

  @Override
  public boolean isFrozen(String accessKey) {
    return view.isFrozen(accessKey);
  }

  @Override
  public boolean setStreamLimitReached(String accessKey, boolean reached) {
    return !control.changeAccount("limit", accessKey, reached ? "1" : "0").isEmpty();
  }

  @Override
  public boolean remove(String accessKey) {
    return !control.changeAccount("remove", accessKey, "").isEmpty();
  }

  @Override
  public List<Account> list() {
    control.refreshView();
    return view.list();
  }

  @Override
  public Set<String> keys() {
    control.refreshView();
    return view.keys();
  }

  private Account read(String json) {
    return control.json().account(json);
  }
}
