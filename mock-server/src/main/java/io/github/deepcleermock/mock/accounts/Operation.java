package io.github.deepcleermock.mock.accounts;

/** A vendor operation: the permission it needs; each has its own token bucket per key. */
public enum Operation {
  SUBMIT(Account.SUBMIT),
  FINISH(Account.FINISH);

  private final String permission;

  Operation(String permission) {
    this.permission = permission;
  }

  /** The permission name an account must hold. */
  public String permission() {
    return permission;
  }
}
