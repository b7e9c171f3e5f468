package io.github.deepcleermock.mock.pipeline;

import io.github.deepcleermock.mock.accounts.AccountState;
import io.github.deepcleermock.mock.accounts.Accounts;

/** The access key must be registered and hold the operation's permission ({@code submit}/{@code finish}), else 9101. */
public final class AuthorizeKey implements Step<Call> {

  private final Accounts accounts;

  public AuthorizeKey(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public Outcome apply(Call call) {
    AccountState account = accounts.get(call.accessKey());
    if (account == null) {
      return call.answer(VendorCode.UNAUTHORIZED_OPERATION, "access key is not registered");
    }
    String permission = call.operation().permission();
    if (!account.account().permissions().contains(permission)) {
      return call.answer(
          VendorCode.UNAUTHORIZED_OPERATION, "access key lacks the " + permission + " permission");
    }
    call.account(account);
    // The registered key's own string: equal to the parsed one, and the journal then keeps no copy of it.
    call.accessKey(account.account().accessKey());
    return null;
  }
}
