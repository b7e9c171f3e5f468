package io.github.deepcleermock.mock.admin;

import io.github.deepcleermock.mock.states.ProviderStates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /__admin/provider-states}: Pact's state-change call, from a JSON body or query parameters. */
final class ProviderStateRoutes {

  private final ProviderStates states;
  private final AdminExchange exchange;

  ProviderStateRoutes(ProviderStates states, AdminExchange exchange) {
    this.states = states;
    this.exchange = exchange;
  }

  void register(RoutesConfig routes, String prefix) {
    routes.post(prefix + "/provider-states", this::change);
  }

  private void change(Context ctx) throws Exception {
    String state;
    String action;
    Map<String, Object> params = new LinkedHashMap<>();
    // A non-empty body wins (Pact's stateChangeUsesBody); otherwise everything comes from the query string.
    if (!ctx.body().isBlank()) {
      AdminJson body = exchange.body(ctx);
      state = body.text("state");
      action = body.text("action");
      var given = body.object("params");
      if (given != null) {
        params.putAll(exchange.mapper().convertValue(given, Map.class));
      }
    } else {
      state = ctx.queryParam("state");
      action = ctx.queryParam("action");
      for (var query : ctx.queryParamMap().entrySet()) {
        String name = query.getKey();
        if (!name.equals("state") && !name.equals("action") && !query.getValue().isEmpty()) {
          params.put(name, query.getValue().get(0));
        }
      }
    }
    exchange.send(ctx, 200, states.change(state, params, action));
  }
}
