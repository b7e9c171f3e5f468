package io.github.deepcleermock.mock.admin;

import io.github.deepcleermock.mock.callbacks.CallbackDispatcher;
import io.github.deepcleermock.mock.journal.Journal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the mock saw and sent: the request journal ({@code /__admin/requests}) and callback attempts. */
final class RecordRoutes {

  private final Journal journal;
  private final CallbackDispatcher callbacks;
  private final AdminExchange exchange;

  RecordRoutes(Journal journal, CallbackDispatcher callbacks, AdminExchange exchange) {
    this.journal = journal;
    this.callbacks = callbacks;
    this.exchange = exchange;
  }

  void register(RoutesConfig routes, String prefix) {
    routes.get(prefix + "/requests", this::requests);
    routes.delete(prefix + "/requests", ctx -> {
      journal.clear();
      ctx.status(204);
    });
    routes.get(prefix + "/callbacks", ctx -> exchange.send(ctx, 200,
        listed("callbacks", callbacks.attempts().stream().map(AdminViews::callback).toList(),
            callbacks.droppedRecords())));
  }

  private void requests(Context ctx) {
    Integer code = AdminExchange.intQuery(ctx, "code");
    Integer limit = AdminExchange.intQuery(ctx, "limit");
    if (limit != null && limit < 1) {
      throw new BadRequestException("limit: must be at least 1");
    }
    var filter = Journal.Filter.ALL
            .withAccessKey(ctx.queryParam("accessKey"))
            .withRequestId(ctx.queryParam("requestId"))
            .withCode(code)
            .withPath(ctx.queryParam("path"));
    var entries = journal.find(filter, limit == null ? Integer.MAX_VALUE : limit);
    exchange.send(ctx, 200, listed("requests", entries.stream().map(AdminViews::request).toList(), journal.dropped()));
  }

  /** The list first, then what this instance could not write to a shared store (always in this order). */
  private static Map<String, Object> listed(String name, List<?> items, long dropped) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(name, items);
    body.put("dropped", dropped);
    return body;
  }
}
