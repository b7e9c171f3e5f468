package io.github.deepcleermock.mock.admin;

import static io.github.deepcleermock.mock.admin.AdminExchange.notFound;

import io.github.deepcleermock.mock.MockStreams;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.accounts.Accounts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /__admin/accounts}: list, upsert (whole replacement), read and delete access keys. */
final class AccountRoutes {

  private final Accounts accounts;
  private final MockStreams streams;
  private final AdminExchange exchange;

  AccountRoutes(Accounts accounts, MockStreams streams, AdminExchange exchange) {
    this.accounts = accounts;
    this.streams = streams;
    this.exchange = exchange;
  }

  void register(RoutesConfig routes, String prefix) {
    routes.get(prefix + "/accounts", ctx -> exchange.send(ctx, 200,
        Map.of("accounts", accounts.list().stream().map(a -> AdminViews.account(a, accounts)).toList())));
    routes.put(prefix + "/accounts/{accessKey}", this::put);
    routes.get(prefix + "/accounts/{accessKey}", ctx -> {
      String key = AdminExchange.pathParam(ctx, "accessKey");
      Account account = accounts.account(key).orElseThrow(() -> notFound("accessKey", key));
      exchange.send(ctx, 200, AdminViews.account(account, accounts));
    });
    routes.delete(prefix + "/accounts/{accessKey}", ctx -> {
      String key = AdminExchange.pathParam(ctx, "accessKey");
      if (!accounts.remove(key)) {
        throw notFound("accessKey", key);
      }
      streams.removeAllOf(key);
      ctx.status(204);
    });
  }

  private void put(Context ctx) throws Exception {
    String key = AdminExchange.pathParam(ctx, "accessKey");
    AdminJson body = exchange.body(ctx);
    // AccountInput has no accessKey: the path names the account.
    body.allowOnly("qps", "maxStreams", "permissions", "streamLimitReached");
    Integer qps = body.integer("qps");
    Integer maxStreams = body.integer("maxStreams");
    List<String> permissions = body.texts("permissions");
    if (permissions != null) {
      // AccountInput: uniqueItems, items minLength 1. A repeated or empty permission is a typo, not a set.
      if (permissions.stream().anyMatch(String::isEmpty)) {
        throw new BadRequestException("permissions: items must not be empty");
      }
      if (new HashSet<>(permissions).size() != permissions.size()) {
        throw new BadRequestException("permissions: must not repeat an item");
      }
    }
    Boolean limitReached = body.bool("streamLimitReached");
    Account account =
        new Account(
            key,
            qps == null ? Account.DEFAULT_QPS : qps,
            maxStreams == null ? Account.DEFAULT_MAX_STREAMS : maxStreams,
            permissions == null ? Account.DEFAULT_PERMISSIONS : new HashSet<>(permissions),
            limitReached != null && limitReached);
    exchange.send(ctx, 200, AdminViews.account(accounts.put(account), accounts));
  }
}
