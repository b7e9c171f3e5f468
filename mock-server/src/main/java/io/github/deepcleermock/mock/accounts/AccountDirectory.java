package io.github.deepcleermock.mock.accounts;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a test does with a mock's access keys: register, read, flag and remove them. */
public interface AccountDirectory {

  /** Registers or wholly replaces an account: settings as given, a full bucket, not frozen (the admin PUT). */
  Account put(Account account);

  /** The settings of {@code accessKey}, if registered. */
  Optional<Account> account(String accessKey);

  /** Sets the flag that makes closes by the key answer 1904; false if the key is unknown. */
  boolean setStreamLimitReached(String accessKey, boolean reached);

  /** Removes the key; true if it was registered. */
  boolean remove(String accessKey);

  /** All accounts sorted by key. */
  List<Account> list();

  /** Keys currently registered. */
  Set<String> keys();
}
