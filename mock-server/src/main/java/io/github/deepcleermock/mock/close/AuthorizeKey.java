package io.github.deepcleermock.mock.close;

import io.github.deepcleermock.mock.accounts.AccountState;
import io.github.deepcleermock.mock.accounts.Accounts;
import io.github.deepcleermock.mock.pipeline.VendorCode;

/** Step 3: the access key must be registered and allowed to close streams, else 9101. */
final class AuthorizeKey implements CloseStep {

  private final Accounts accounts;

  AuthorizeKey(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public CloseOutcome apply(CloseCall call) {
    AccountState account = accounts.get(call.accessKey);
    if (account == null) {
      return call.answer(VendorCode.UNAUTHORIZED_OPERATION, "access key is not registered");
    }
    if (!account.account().mayFinish()) {
      return call.answer(
          VendorCode.UNAUTHORIZED_OPERATION, "access key lacks the finish permission");
    }
    call.account = account;
    // The registered key's own string: equal to the parsed one, and the journal then keeps no copy of it.
    call.accessKey = account.account().accessKey();
    return null;
  }
}
