package io.github.deepcleermock.mock.store;

import io.github.deepcleermock.mock.store.memory.MemoryStore;
import io.github.deepcleermock.mock.store.redis.RedisStore;
import java.net.URI;

/** Opens the store a configuration names: memory when none is named, Redis for {@code redis://host:port[/db]}. */
public final class Stores {

  /** The URI scheme of the Redis store. */
  public static final String REDIS_SCHEME = "redis";

  private Stores() {}

  /**
   * Checks that {@code uri} names a store this build can open, or throws with the reason.
   *
   * @throws IllegalArgumentException when the scheme is not {@code redis} or host, port or database are missing or
   *     malformed
   */
  public static URI validate(URI uri) {
    if (uri == null) {
      return null;
    }
    if (!REDIS_SCHEME.equals(uri.getScheme())) {
      throw new IllegalArgumentException("store: must be redis://host:port[/db], was " + uri);
    }
    if (uri.getHost() == null || uri.getPort() < 1) {
      throw new IllegalArgumentException("store: needs a host and a port (redis://host:port[/db]), was " + uri);
    }
    String path = uri.getPath();
    if (path != null && !path.isEmpty() && !path.equals("/") && !path.substring(1).matches("\\d{1,2}")) {
      throw new IllegalArgumentException("store: the database must be a number (redis://host:port/0), was " + uri);
    }
    if (uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
      throw new IllegalArgumentException("store: only redis://host:port[/db] is understood, was " + uri);
    }
    return uri;
  }

  /**
   * Opens the store {@code uri} names ({@code null}: memory). Lettuce is loaded only here, for the Redis store.
   *
   * @throws IllegalStateException when Redis cannot be reached at start
   */
  public static Store open(URI uri) {
    if (uri == null) {
      return new MemoryStore();
    }
    try {
      return RedisStore.connect(validate(uri));
    } catch (NoClassDefFoundError e) {
      // mock-server-embedded leaves Lettuce (and its Netty and Reactor) out on purpose.
      throw new IllegalStateException(
          "store: the redis store needs io.lettuce:lettuce-core on the class path (mock-server and the standalone"
              + " jar have it; mock-server-embedded does not): " + e.getMessage(), e);
    }
  }
}
