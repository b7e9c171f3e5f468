package io.github.deepcleermock.mock.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.deepcleermock.mock.MockStreams;
import io.github.deepcleermock.mock.accounts.Accounts;
import io.github.deepcleermock.mock.callbacks.CallbackDispatcher;
import io.github.deepcleermock.mock.dashboard.DashboardRoutes;
import io.github.deepcleermock.mock.faults.FaultRules;
import io.github.deepcleermock.mock.journal.Journal;
import io.github.deepcleermock.mock.metrics.MockMetrics;
import io.github.deepcleermock.mock.pact.MessageSandbox;
import io.github.deepcleermock.mock.simulation.Scenarios;
import io.github.deepcleermock.mock.states.ProviderStates;
import io.github.deepcleermock.mock.states.UnknownStateException;
import io.github.deepcleermock.mock.store.StoreUnavailableException;
import io.github.deepcleermock.mock.streams.StreamConflictException;
import io.github.deepcleermock.mock.tls.ServerIdentity;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
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

  private final Runnable reset;
  private final byte[] adminToken;
  private final AdminExchange exchange;
  private final AccountRoutes accountRoutes;
  private final StreamRoutes streamRoutes;
  private final FaultRoutes faultRoutes;
  private final RecordRoutes recordRoutes;
  private final ProviderStateRoutes stateRoutes;
  private final SurfaceRoutes surfaceRoutes;
  private final SpecRoutes specRoutes;
  private final ScenarioRoutes scenarioRoutes;
  private final PactMessageRoutes pactMessageRoutes;
  private final DashboardRoutes dashboard;

  /** The parts of a mock the control plane reads and changes. */
  public record Parts(
      Accounts accounts,
      MockStreams streams,
      FaultRules faults,
      Journal journal,
      CallbackDispatcher callbacks,
      ProviderStates states,
      Scenarios scenarios,
      Runnable reset,
      Supplier<ObjectMapper> mapper,
      String adminToken,
      MockMetrics metrics,
      ServerIdentity tls) {

    /** Parts without metrics and HTTPS. */
    public Parts(
        Accounts accounts,
        MockStreams streams,
        FaultRules faults,
        Journal journal,
        CallbackDispatcher callbacks,
        ProviderStates states,
        Scenarios scenarios,
        Runnable reset,
        Supplier<ObjectMapper> mapper,
        String adminToken) {
      this(accounts, streams, faults, journal, callbacks, states, scenarios, reset, mapper, adminToken, null, null);
    }
  }

  /**
   * Paths that never need the admin token: the health check, the CA certificate (public by nature, and what a
   * client needs before it can talk HTTPS at all) and the specs with their reference page (documents shipped in
   * the jar, which a browser must open without a header). Metrics do need it: they describe the traffic.
   */
  private static final Set<String> PUBLIC_PATHS =
      Set.of(PREFIX + "/health", PREFIX + SurfaceRoutes.CA_PEM, PREFIX + "/openapi.yaml",
          PREFIX + "/admin-openapi.yaml", PREFIX + "/docs");

  public AdminApi(Parts parts) {
    this.reset = parts.reset();
    this.adminToken = parts.adminToken() == null ? null : parts.adminToken().getBytes(StandardCharsets.UTF_8);
    this.exchange = new AdminExchange(parts.mapper());
    this.accountRoutes = new AccountRoutes(parts.accounts(), parts.streams(), exchange);
    this.streamRoutes = new StreamRoutes(parts.streams(), exchange);
    this.faultRoutes = new FaultRoutes(parts.faults(), exchange);
    this.recordRoutes = new RecordRoutes(parts.journal(), parts.callbacks(), exchange);
    this.stateRoutes = new ProviderStateRoutes(parts.states(), exchange);
    this.surfaceRoutes = new SurfaceRoutes(parts.metrics(), parts.tls());
    this.specRoutes = new SpecRoutes();
    this.scenarioRoutes = new ScenarioRoutes(parts.scenarios(), exchange);
    this.pactMessageRoutes = new PactMessageRoutes(new MessageSandbox(), exchange);
    this.dashboard = new DashboardRoutes();
  }


  /** Registers the admin routes and their error mapping. */
  public void register(RoutesConfig routes) {
    routes.before(PREFIX + "/*", this::checkToken);
    routes.get(PREFIX + "/health", ctx -> exchange.send(ctx, 200, Map.of("status", "UP")));
    routes.post(PREFIX + "/reset", ctx -> {
      reset.run();
      exchange.send(ctx, 200, Map.of("status", "baseline restored"));
    });
    accountRoutes.register(routes, PREFIX);
    streamRoutes.register(routes, PREFIX);
    faultRoutes.register(routes, PREFIX);
    recordRoutes.register(routes, PREFIX);
    stateRoutes.register(routes, PREFIX);
    surfaceRoutes.register(routes, PREFIX);
    specRoutes.register(routes, PREFIX);
    scenarioRoutes.register(routes, PREFIX);
    pactMessageRoutes.register(routes, PREFIX);
    dashboard.register(routes);

    routes.exception(BadRequestException.class, (e, ctx) -> exchange.error(ctx, 400, e.getMessage()));
    routes.exception(IllegalArgumentException.class, (e, ctx) -> exchange.error(ctx, 400, e.getMessage()));
    routes.exception(NoSuchElementException.class, (e, ctx) -> exchange.error(ctx, 404, e.getMessage()));
    routes.exception(StreamConflictException.class, (e, ctx) -> exchange.error(ctx, 409, e.getMessage()));
    // Redis unreachable: nothing was changed, and the caller may retry.
    routes.exception(StoreUnavailableException.class, (e, ctx) -> exchange.error(ctx, 503, e.getMessage()));
    routes.exception(JsonProcessingException.class, (e, ctx) -> exchange.error(ctx, 400, "body: is not valid JSON"));
    routes.exception(UnknownStateException.class, (e, ctx) -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", e.getMessage());
      body.put("knownStates", e.knownStates());
      exchange.send(ctx, 400, body);
    });
  }

  private void checkToken(Context ctx) {
    if (adminToken == null || isPublic(ctx.path()) || DashboardRoutes.isDashboardFile(ctx.path())) {
      return;
    }
    if (!tokenMatches(ctx.req().getHeaders("Authorization"))) {
      ctx.header("WWW-Authenticate", "Bearer");
      exchange.error(ctx, 401, "authorization: missing or wrong admin token (send Authorization: Bearer <token>)");
      ctx.skipRemainingHandlers();
    }
  }

  private static boolean isPublic(String path) {
    return PUBLIC_PATHS.contains(path) || path.startsWith(PREFIX + SpecRoutes.DOCS);
  }

  /**
   * Exactly one {@code Authorization} header, scheme {@code Bearer} in any case (RFC 7235: the scheme is
   * case-insensitive), one space, then the token compared in constant time: it guards a server that can be told to
   * misbehave. Two headers are refused even if one matches: which one a proxy would forward is anybody's guess.
   */
  private boolean tokenMatches(java.util.Enumeration<String> headers) {
    if (headers == null || !headers.hasMoreElements()) {
      return false;
    }
    String given = headers.nextElement();
    if (headers.hasMoreElements() || given == null || given.length() < 7
        || !given.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(adminToken, given.substring(7).getBytes(StandardCharsets.UTF_8));
  }
}
