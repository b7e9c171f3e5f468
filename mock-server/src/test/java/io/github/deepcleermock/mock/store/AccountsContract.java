package io.github.deepcleermock.mock.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.accounts.Accounts;
import io.github.deepcleermock.mock.accounts.Operation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every accounts store does, run against memory and Redis. */
public abstract class AccountsContract extends ControlContract {

  private Accounts accounts() {
    return control.accounts();
  }

  @Test
  void theBaselineAccountsAreRegisteredAfterARestore() {
    accounts().put(Account.of("EXTRA"));
    control.restore(baseline());
    assertThat(accounts().list()).containsExactly(BASE);
    assertThat(accounts().get("EXTRA")).isNull();
  }

  @Test
  void aPutAccountIsReadBackWithAllItsSettingsAndTheVendorPathSeesIt() {
    Account account = new Account("K1", 3, 9, Set.of(), true);
    assertThat(accounts().put(account)).isEqualTo(account);
    assertThat(accounts().account("K1")).contains(account);
    assertThat(accounts().get("K1").account()).isEqualTo(account);
    assertThat(accounts().list()).containsExactly(BASE, account);
    assertThat(accounts().keys()).containsExactlyInAnyOrder("BASE", "K1");
  }

  @Test
  void ensureRegistersAMissingKeyWithTheDefaultsAndLeavesAnExistingOneAsItIs() {
    assertThat(accounts().ensure("NEW")).isEqualTo(Account.of("NEW"));
    assertThat(accounts().ensure("BASE")).isEqualTo(BASE);
    assertThat(accounts().account("BASE")).contains(BASE);
  }

  @Test
  void grantAndRevokeChangeOnlyThePermissions() {
    accounts().put(new Account("K2", 4, 5, Set.of("other"), true));
    accounts().freeze("K2");
    assertThat(accounts().revoke("K2", Account.DEFAULT_PERMISSIONS).permissions()).containsExactly("other");
    Account granted = accounts().grant("K2", Account.DEFAULT_PERMISSIONS);
    assertThat(granted).isEqualTo(new Account("K2", 4, 5, Set.of("other", "submit", "finish"), true));
    assertThat(accounts().isFrozen("K2")).as("a grant never unfreezes").isTrue();
    assertThat(accounts().revoke("MISSING", Set.of(Account.SUBMIT)).permissions()).containsExactly("finish");
  }

  @Test
  void aFrozenKeyStaysFrozenUntilItIsPutAgainAndTheVendorPathSeesTheFrozenBuckets() {
    assertThat(accounts().freeze("NOBODY")).isFalse();
    assertThat(accounts().freeze("BASE")).isTrue();
    assertThat(accounts().isFrozen("BASE")).isTrue();
    assertThat(accounts().get("BASE").bucket(Operation.FINISH).isFrozen()).isTrue();
    assertThat(accounts().get("BASE").bucket(Operation.SUBMIT).isFrozen()).isTrue();
    accounts().put(BASE);
    assertThat(accounts().isFrozen("BASE")).isFalse();
  }

  @Test
  void theStreamLimitFlagIsSetOnlyOnARegisteredKey() {
    assertThat(accounts().setStreamLimitReached("NOBODY", true)).isFalse();
    assertThat(accounts().account("NOBODY")).isEmpty();
    assertThat(accounts().setStreamLimitReached("BASE", true)).isTrue();
    assertThat(accounts().get("BASE").account().streamLimitReached()).isTrue();
    accounts().setStreamLimitReached("BASE", false);
    assertThat(accounts().account("BASE").orElseThrow().streamLimitReached()).isFalse();
  }

  @Test
  void aPutOrARestoreGivesTheKeyFullBuckets() {
    Account slow = new Account("SLOW", 1, 3, Account.DEFAULT_PERMISSIONS, false);
    accounts().put(slow);
    TokenBuckets buckets = store.tokenBuckets();
    assertThat(buckets.take(accounts().get("SLOW"), Operation.FINISH, 0)).isEqualTo(TokenTake.GRANTED);
    assertThat(buckets.take(accounts().get("SLOW"), Operation.FINISH, 0)).isEqualTo(TokenTake.EMPTY);
    accounts().put(slow);
    assertThat(buckets.take(accounts().get("SLOW"), Operation.FINISH, 0)).isEqualTo(TokenTake.GRANTED);

    Account base = new Account("BASE", 1, 3, Account.DEFAULT_PERMISSIONS, false);
    ControlStore.Baseline oneQps = new ControlStore.Baseline(List.of(base), List.of());
    control.restore(oneQps);
    assertThat(buckets.take(accounts().get("BASE"), Operation.SUBMIT, 0)).isEqualTo(TokenTake.GRANTED);
    assertThat(buckets.take(accounts().get("BASE"), Operation.SUBMIT, 0)).isEqualTo(TokenTake.EMPTY);
    control.restore(oneQps);
    assertThat(buckets.take(accounts().get("BASE"), Operation.SUBMIT, 0)).isEqualTo(TokenTake.GRANTED);
  }

  @Test
  void removeAnswersWhetherTheKeyWasRegistered() {
    assertThat(accounts().remove("BASE")).isTrue();
    assertThat(accounts().remove("BASE")).isFalse();
    assertThat(accounts().get("BASE")).isNull();
    assertThat(accounts().list()).isEqualTo(List.of());
  }
}
