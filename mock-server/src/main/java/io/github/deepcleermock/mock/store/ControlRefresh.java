package io.github.deepcleermock.mock.store;

/** Brings an instance's view of the shared control state up to date; the vendor pipelines run it first. */
@FunctionalInterface
public interface ControlRefresh {

  /**
   * Reloads the view when the group changed since it was loaded.
   *
   * @throws StoreUnavailableException when the store cannot be asked
   */
  void refresh();
}
