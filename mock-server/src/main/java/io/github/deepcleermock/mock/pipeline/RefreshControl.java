package io.github.deepcleermock.mock.pipeline;

import io.github.deepcleermock.mock.store.ControlRefresh;
import io.github.deepcleermock.mock.store.StoreUnavailableException;

/**
 * Brings the shared control state (accounts, faults, scenarios) up to date before the request reads it, so an admin
 * change that returned on any instance is in force here; 1903 {@code store unavailable} when the store cannot be
 * asked. Only a shared store adds this step.
 */
public final class RefreshControl implements Step<Call> {

  private final ControlRefresh refresh;

  public RefreshControl(ControlRefresh refresh) {
    this.refresh = refresh;
  }

  @Override
  public Outcome apply(Call call) {
    try {
      refresh.refresh();
      return null;
    } catch (StoreUnavailableException e) {
      return call.answer(VendorCode.SERVICE_FAILURE, TakeToken.STORE_UNAVAILABLE);
    }
  }
}
