package io.github.deepcleermock.mock.admin;

import static io.github.deepcleermock.mock.admin.AdminExchange.notFound;

import io.github.deepcleermock.mock.simulation.ScriptJson;
import io.github.deepcleermock.mock.simulation.Scenarios;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /__admin/scenarios}: scenario rules that give streams their scripts as they open (first match wins). */
final class ScenarioRoutes {

  private final Scenarios scenarios;
  private final AdminExchange exchange;

  ScenarioRoutes(Scenarios scenarios, AdminExchange exchange) {
    this.scenarios = scenarios;
    this.exchange = exchange;
  }

  void register(RoutesConfig routes, String prefix) {
    routes.get(prefix + "/scenarios", ctx -> exchange.send(ctx, 200,
        Map.of("scenarios", scenarios.list().stream().map(ScriptJson::write).toList())));
    routes.post(prefix + "/scenarios", this::add);
    routes.delete(prefix + "/scenarios", ctx -> {
      scenarios.clear();
      ctx.status(204);
    });
    routes.delete(prefix + "/scenarios/{id}", ctx -> {
      String id = AdminExchange.pathParam(ctx, "id");
      if (!scenarios.remove(id)) {
        throw notFound("id", id);
      }
      ctx.status(204);
    });
  }

  private void add(Context ctx) throws Exception {
    var spec = ScriptJson.scenario(exchange.tree(ctx));
    exchange.send(ctx, 201, ScriptJson.write(scenarios.add(spec)));
  }
}
