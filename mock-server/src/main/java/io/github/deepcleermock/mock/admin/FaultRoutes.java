package io.github.deepcleermock.mock.admin;

import static io.github.deepcleermock.mock.admin.AdminExchange.notFound;

import io.github.deepcleermock.mock.faults.FaultMatch;
import io.github.deepcleermock.mock.faults.FaultRules;
import io.github.deepcleermock.mock.faults.FaultSpec;
import io.github.deepcleermock.mock.faults.TransportFault;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /__admin/faults}: add, list (with the generator's seed) and remove fault rules. */
final class FaultRoutes {

  private final FaultRules faults;
  private final AdminExchange exchange;

  FaultRoutes(FaultRules faults, AdminExchange exchange) {
    this.faults = faults;
    this.exchange = exchange;
  }

  void register(RoutesConfig routes, String prefix) {
    routes.get(prefix + "/faults", ctx -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("seed", faults.seed());
      body.put("faults", faults.list().stream().map(AdminViews::fault).toList());
      exchange.send(ctx, 200, body);
    });
    routes.post(prefix + "/faults", this::add);
    routes.delete(prefix + "/faults", ctx -> {
      faults.clear();
      ctx.status(204);
    });
    routes.delete(prefix + "/faults/{id}", ctx -> {
      String id = AdminExchange.pathParam(ctx, "id");
      if (!faults.remove(id)) {
        throw notFound("id", id);
      }
      ctx.status(204);
    });
  }

  private void add(Context ctx) throws Exception {
    AdminJson body = exchange.body(ctx);
    body.allowOnly("match", "code", "message", "delayMs", "times", "probability", "fault");
    AdminJson match = body.nested("match");
    if (match != null) {
      match.allowOnly("accessKey", "requestId");
    }
    Long delay = body.longValue("delayMs");
    Double probability = body.number("probability");
    FaultSpec spec =
        new FaultSpec(
            match == null ? FaultMatch.ANY : matchOf(match.text("accessKey"), match.text("requestId")),
            body.integer("code"),
            body.text("message"),
            delay == null ? 0 : delay,
            body.integer("times"),
            probability == null ? 1.0 : probability,
            transport(body.text("fault")));
    exchange.send(ctx, 201, AdminViews.fault(faults.add(spec)));
  }

  private static TransportFault transport(String fault) {
    if (fault == null) {
      return null;
    }
    try {
      return TransportFault.valueOf(fault);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "fault: must be one of CONNECTION_RESET, EMPTY_RESPONSE, MALFORMED_JSON, HTTP_502");
    }
  }

  /** The rule's match from the fields given (an absent one matches anything). */
  private static FaultMatch matchOf(String accessKey, String requestId) {
    FaultMatch match = accessKey == null ? FaultMatch.ANY : FaultMatch.byAccessKey(accessKey);
    return requestId == null ? match : match.withRequestId(requestId);
  }
}
