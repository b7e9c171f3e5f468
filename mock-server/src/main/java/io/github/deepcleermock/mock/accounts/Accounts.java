package io.github.deepcleermock.mock.accounts;

import java.util.Optional;
import java.util.Set;

/**
 * The registered access keys as the pipelines, the admin API and the provider states see them: in this process's
 * memory ({@link MemoryAccounts}) or shared by a group of instances (the Redis store).
 *
 * <p>Every change is one whole step (no read-modify-write by the caller), so a shared store can run it atomically.
 */
public interface Accounts extends AccountDirectory {

  /** The run-time state of {@code accessKey}, or null; the vendor path's lookup (no Optional, no store access). */
  AccountState get(String accessKey);

  /** The run-time state of {@code accessKey}, if registered. */
  default Optional<AccountState> find(String accessKey) {
    return Optional.ofNullable(get(accessKey));
  }

  /** Registers {@code accessKey} with the defaults unless it exists; an existing account stays as it is. */
  Account ensure(String accessKey);

  /** Adds {@code permissions} to the key (registered with the defaults first when missing); bucket and flags stay. */
  Account grant(String accessKey, Set<String> permissions);

  /** Removes {@code permissions} from the key (registered with the defaults first when missing); the rest stays. */
  Account revoke(String accessKey, Set<String> permissions);

  /** Freezes the key's buckets empty (provider state "QPS limit is exhausted"); false if the key is unknown. */
  boolean freeze(String accessKey);

  /** Whether the key's buckets are frozen empty. */
  boolean isFrozen(String accessKey);
}
