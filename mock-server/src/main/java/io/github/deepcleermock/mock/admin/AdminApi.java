package io.github.deepcleermock.mock.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.deepcleermock.mock.MockStreams;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.accounts.Accounts;
import io.github.deepcleermock.mock.callbacks.CallbackDispatcher;
import io.github.deepcleermock.mock.callbacks.EndOfStream;
import io.github.deepcleermock.mock.faults.FaultMatch;
import io.github.deepcleermock.mock.faults.FaultRule;
import io.github.deepcleermock.mock.faults.FaultRules;
import io.github.deepcleermock.mock.faults.FaultSpec;
import io.github.deepcleermock.mock.faults.TransportFault;
import io.github.deepcleermock.mock.journal.Journal;
import io.github.deepcleermock.mock.states.ProviderStates;
import io.github.deepcleermock.mock.states.UnknownStateException;
import io.github.deepcleermock.mock.streams.StreamConflictException;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The control plane under {@code /__admin} (admin-openapi.yaml): JSON in and out, errors as
 * {@code {"error":"<field>: <problem>"}}. Admin calls are not journaled.
 */
public final class AdminApi {

  public static final String PREFIX = "/__admin";
  private static final String JSON = "application/json;charset=utf-8";

  private final Accounts accounts;
  private final MockStreams streams;
  private final FaultRules faults;
  private final Journal journal;
  private final CallbackDispatcher callbacks;
  private final ProviderStates states;
  private final Runnable reset;
  private final Supplier<ObjectMapper> mapper;
  private final byte[] adminToken;

  /** The parts of a mock the control plane reads and changes. */
  public record Parts(
      Accounts accounts,
      MockStreams streams,
      FaultRules faults,
      Journal journal,
      CallbackDispatcher callbacks,
      ProviderStates states,
      Runnable reset,
      Supplier<ObjectMapper> mapper,
      String adminToken) {}

  public AdminApi(Parts parts) {
    this.accounts = parts.accounts();
    this.streams = parts.streams();
    this.faults = parts.faults();
    this.journal = parts.journal();
    this.callbacks = parts.callbacks();
    this.states = parts.states();
    this.reset = parts.reset();
    this.mapper = parts.mapper();
    this.adminToken =
        parts.adminToken() == null ? null : ("Bearer " + parts.adminToken()).getBytes(StandardCharsets.UTF_8);
  }

  /** Registers the admin routes and their error mapping. */
  public void register(RoutesConfig routes) {
    routes.before(PREFIX + "/*", this::checkToken);
    routes.get(PREFIX + "/health", ctx -> send(ctx, 200, Map.of("status", "UP")));
    routes.post(PREFIX + "/reset", ctx -> {
      reset.run();
      send(ctx, 200, Map.of("status", "baseline restored"));
    });

    routes.get(PREFIX + "/accounts", ctx ->
        send(ctx, 200, Map.of("accounts", accounts.list().stream().map(a -> AdminViews.account(a, accounts)).toList())));
    routes.put(PREFIX + "/accounts/{accessKey}", this::putAccount);
    routes.get(PREFIX + "/accounts/{accessKey}", ctx -> {
      String key = ctx.pathParam("accessKey");
      Account account = accounts.account(key).orElseThrow(() -> notFound("accessKey", key));
      send(ctx, 200, AdminViews.account(account, accounts));
    });
    routes.delete(PREFIX + "/accounts/{accessKey}", ctx -> {
      String key = ctx.pathParam("accessKey");
      if (!accounts.remove(key)) {
        throw notFound("accessKey", key);
      }
      streams.removeAllOf(key);
      ctx.status(204);
    });

    routes.get(PREFIX + "/streams", this::listStreams);
    routes.post(PREFIX + "/streams", this::seedStream);
    routes.get(PREFIX + "/streams/{requestId}", ctx -> {
      String id = ctx.pathParam("requestId");
      send(ctx, 200, AdminViews.stream(streams.find(id).orElseThrow(() -> notFound("requestId", id))));
    });
    routes.delete(PREFIX + "/streams/{requestId}", ctx -> {
      String id = ctx.pathParam("requestId");
      if (!streams.remove(id)) {
        throw notFound("requestId", id);
      }
      ctx.status(204);
    });
    routes.post(PREFIX + "/streams/{requestId}/end", this::endStream);

    routes.get(PREFIX + "/faults", ctx -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("seed", faults.seed());
      body.put("faults", faults.list().stream().map(AdminViews::fault).toList());
      send(ctx, 200, body);
    });
    routes.post(PREFIX + "/faults", this::addFault);
    routes.delete(PREFIX + "/faults", ctx -> {
      faults.clear();
      ctx.status(204);
    });
    routes.delete(PREFIX + "/faults/{id}", ctx -> {
      String id = ctx.pathParam("id");
      if (!faults.remove(id)) {
        throw notFound("id", id);
      }
      ctx.status(204);
    });

    routes.get(PREFIX + "/requests", this::listRequests);
    routes.delete(PREFIX + "/requests", ctx -> {
      journal.clear();
      ctx.status(204);
    });
    routes.get(PREFIX + "/callbacks", ctx ->
        send(ctx, 200, Map.of("callbacks", callbacks.attempts().stream().map(AdminViews::callback).toList())));
    routes.post(PREFIX + "/provider-states", this::changeState);

    routes.exception(BadRequestException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
    routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
    routes.exception(NoSuchElementException.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
    routes.exception(StreamConflictException.class, (e, ctx) -> error(ctx, 409, e.getMessage()));
    routes.exception(JsonProcessingException.class, (e, ctx) -> error(ctx, 400, "body: is not valid JSON"));
    routes.exception(UnknownStateException.class, (e, ctx) -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", e.getMessage());
      body.put("knownStates", e.knownStates());
      send(ctx, 400, body);
    });
  }

  private void checkToken(Context ctx) {
    if (adminToken == null || ctx.path().equals(PREFIX + "/health")) {
      return;
    }
    String given = ctx.header("Authorization");
    // Constant-time comparison: the token guards a server that can be told to misbehave.
    if (given == null || !MessageDigest.isEqual(adminToken, given.getBytes(StandardCharsets.UTF_8))) {
      ctx.header("WWW-Authenticate", "Bearer");
      error(ctx, 401, "authorization: missing or wrong admin token (send Authorization: Bearer <token>)");
      ctx.skipRemainingHandlers();
    }
  }

  private void putAccount(Context ctx) throws Exception {
    String key = ctx.pathParam("accessKey");
    AdminJson body = AdminJson.of(readBody(ctx));
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
            permissions == null ? Set.of(Account.FINISH) : new HashSet<>(permissions),
            limitReached != null && limitReached);
    send(ctx, 200, AdminViews.account(accounts.put(account), accounts));
  }

  private void listStreams(Context ctx) {
    String state = ctx.queryParam("state");
    StreamState wanted = null;
    if (state != null) {
      try {
        wanted = StreamState.valueOf(state);
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("state: must be ACTIVE or CLOSED");
      }
    }
    var list = streams.list(ctx.queryParam("accessKey"), wanted);
    send(ctx, 200, Map.of("streams", list.stream().map(AdminViews::stream).toList()));
  }

  private void seedStream(Context ctx) throws Exception {
    AdminJson body = AdminJson.of(readBody(ctx));
    body.allowOnly("requestId", "accessKey", "dupRequestIds", "imgCallback", "audioCallback",
        "returnFinishInfo", "data", "state");
    String state = body.text("state");
    StreamState initial;
    try {
      initial = state == null ? StreamState.ACTIVE : StreamState.valueOf(state);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("state: must be ACTIVE or CLOSED");
    }
    Integer returnFinishInfo = body.integer("returnFinishInfo");
    StreamSpec spec =
        new StreamSpec(
            body.requiredText("requestId"),
            body.requiredText("accessKey"),
            body.texts("dupRequestIds"),
            body.text("imgCallback"),
            body.text("audioCallback"),
            returnFinishInfo == null ? 0 : returnFinishInfo,
            body.object("data"));
    send(ctx, 201, AdminViews.stream(streams.open(spec, initial)));
  }

  private void endStream(Context ctx) throws Exception {
    AdminJson body = AdminJson.of(readBody(ctx));
    body.allowOnly("errorCode", "riskLevel", "pullStreamSuccess");
    Boolean pulled = body.bool("pullStreamSuccess");
    EndOfStream end = new EndOfStream(body.integer("errorCode"), body.text("riskLevel"), pulled == null || pulled);
    send(ctx, 200, AdminViews.stream(streams.end(ctx.pathParam("requestId"), end)));
  }

  private void addFault(Context ctx) throws Exception {
    AdminJson body = AdminJson.of(readBody(ctx));
    body.allowOnly("match", "code", "message", "delayMs", "times", "probability", "fault");
    AdminJson match = body.nested("match");
    if (match != null) {
      match.allowOnly("accessKey", "requestId");
    }
    String fault = body.text("fault");
    TransportFault transport = null;
    if (fault != null) {
      try {
        transport = TransportFault.valueOf(fault);
      } catch (IllegalArgumentException e) {
        throw new BadRequestException(
            "fault: must be one of CONNECTION_RESET, EMPTY_RESPONSE, MALFORMED_JSON, HTTP_502");
      }
    }
    Long delay = body.longValue("delayMs");
    Double probability = body.number("probability");
    FaultSpec spec =
        new FaultSpec(
            match == null ? FaultMatch.ANY : new FaultMatch(match.text("accessKey"), match.text("requestId")),
            body.integer("code"),
            body.text("message"),
            delay == null ? 0 : delay,
            body.integer("times"),
            probability == null ? 1.0 : probability,
            transport);
    FaultRule rule = faults.add(spec);
    send(ctx, 201, AdminViews.fault(rule));
  }

  private void listRequests(Context ctx) {
    Integer code = intQuery(ctx, "code");
    Integer limit = intQuery(ctx, "limit");
    if (limit != null && limit < 1) {
      throw new BadRequestException("limit: must be at least 1");
    }
    var filter = new Journal.Filter(ctx.queryParam("accessKey"), ctx.queryParam("requestId"), code);
    var entries = journal.find(filter, limit == null ? Integer.MAX_VALUE : limit);
    send(ctx, 200, Map.of("requests", entries.stream().map(AdminViews::request).toList()));
  }

  private void changeState(Context ctx) throws Exception {
    String state;
    String action;
    Map<String, Object> params = new LinkedHashMap<>();
    // A non-empty body wins (Pact's stateChangeUsesBody); otherwise everything comes from the query string.
    if (!ctx.body().isBlank()) {
      AdminJson body = AdminJson.of(readBody(ctx));
      state = body.text("state");
      action = body.text("action");
      var given = body.object("params");
      if (given != null) {
        params.putAll(mapper.get().convertValue(given, Map.class));
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
    send(ctx, 200, states.change(state, params, action));
  }

  private JsonNode readBody(Context ctx) throws JsonProcessingException {
    String body = ctx.body();
    if (body.isBlank()) {
      return null;
    }
    return mapper.get().readTree(body);
  }

  private static Integer intQuery(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return null;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + ": must be an integer");
    }
  }

  private static NoSuchElementException notFound(String field, String value) {
    return new NoSuchElementException(field + ": no such resource '" + value + "'");
  }

  private void error(Context ctx, int status, String message) {
    send(ctx, status, Map.of("error", message == null ? "request: failed" : message));
  }

  private void send(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType(JSON).result(mapper.get().writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write admin response", e);
    }
  }
}
