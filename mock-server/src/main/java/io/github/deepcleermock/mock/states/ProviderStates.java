package io.github.deepcleermock.mock.states;

import io.github.deepcleermock.mock.MockStreams;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.accounts.Accounts;
import io.github.deepcleermock.mock.faults.FaultMatch;
import io.github.deepcleermock.mock.faults.FaultRules;
import io.github.deepcleermock.mock.faults.FaultSpec;
import io.github.deepcleermock.mock.pipeline.VendorCode;
import io.github.deepcleermock.mock.streams.StreamConflictException;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.pipeline.ResponseIds;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.streams.StreamState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Pact provider states as a small vocabulary: each name sets up one condition and answers the values it used.
 * Teardown of any state restores the baseline (safe to repeat). Setups commute: each changes only what it names
 * (authorizing a key never refills its bucket or clears its flags; exhausting or failing a key never touches its
 * permissions), so states can be combined in any order. A refused setup changes nothing.
 */
public final class ProviderStates {

  public static final String AUTHORIZED = "access key is authorized";
  public static final String NOT_AUTHORIZED = "access key is not authorized";
  public static final String STREAM_ACTIVE = "stream is active";
  public static final String STREAM_CLOSED = "stream is closed";
  public static final String QPS_EXHAUSTED = "QPS limit is exhausted";
  public static final String STREAM_LIMIT_REACHED = "stream count limit is reached";
  public static final String SERVICE_FAILING = "service is failing";
  public static final String STREAM_SLOTS_FULL = "access key has reached its stream limit";
  public static final String STREAM_WITH_URL_ACTIVE = "stream with url is active";
  /** Filling a key's slots opens real streams; past this many a setup is refused rather than exhausting memory. */
  static final int MAX_FILLED_STREAMS = 100_000;

  private final Accounts accounts;
  private final MockStreams streams;
  private final FaultRules faults;
  private final Runnable restoreBaseline;
  private final Map<String, BiFunction<Params, Map<String, Object>, Map<String, Object>>> setups =
      new LinkedHashMap<>();

  public ProviderStates(Accounts accounts, MockStreams streams, FaultRules faults, Runnable restoreBaseline) {
    this.accounts = accounts;
    this.streams = streams;
    this.faults = faults;
    this.restoreBaseline = restoreBaseline;
    setups.put(AUTHORIZED, (p, used) -> authorize(p.accessKey(), used));
    setups.put(NOT_AUTHORIZED, (p, used) -> unauthorize(p.accessKey(), used));
    setups.put(STREAM_ACTIVE, (p, used) -> stream(p, StreamState.ACTIVE, used));
    setups.put(STREAM_CLOSED, (p, used) -> stream(p, StreamState.CLOSED, used));
    setups.put(QPS_EXHAUSTED, (p, used) -> exhaust(p.accessKey(), used));
    setups.put(STREAM_LIMIT_REACHED, (p, used) -> limitStreams(p.accessKey(), used));
    setups.put(SERVICE_FAILING, (p, used) -> fail(p.optionalAccessKey(), used));
    setups.put(STREAM_SLOTS_FULL, (p, used) -> fillSlots(p.accessKey(), used));
    setups.put(STREAM_WITH_URL_ACTIVE, this::streamWithUrl);
  }

  /** The state names, in a stable order. */
  public List<String> names() {
    return List.copyOf(setups.keySet());
  }

  /**
   * Sets a state up, as a Pact verifier's setup call does.
   *
   * @param params the state's parameters by name (see the README's table); {@code Map.of()} when it takes none
   * @return the values the setup used
   * @throws UnknownStateException for a name not in {@link #names()}
   * @throws IllegalArgumentException for a bad parameter (the message names it)
   */
  public Map<String, Object> setUp(String state, Map<String, Object> params) {
    return change(state, params, "setup");
  }

  /** Tears a state down: restores the mock's baseline, as every teardown does (safe to repeat). */
  public void tearDown(String state) {
    change(state, Map.of(), "teardown");
  }

  /**
   * Applies a state change as {@code POST /__admin/provider-states} receives it; in Java prefer
   * {@link #setUp(String, Map)} and {@link #tearDown(String)}.
   *
   * @param action "setup" (also when null) or "teardown"
   * @return the values the setup used (empty for a teardown)
   * @throws UnknownStateException for a name not in {@link #names()}
   * @throws IllegalArgumentException for a bad action or parameter (the message names it)
   */
  public Map<String, Object> change(String state, Map<String, Object> params, String action) {
    if (state == null || state.isEmpty()) {
      throw new IllegalArgumentException("state: is required");
    }
    var setup = setups.get(state);
    if (setup == null) {
      throw new UnknownStateException(state, names());
    }
    String verb = action == null ? "setup" : action;
    switch (verb) {
      case "setup" -> {
        Map<String, Object> used = new LinkedHashMap<>();
        return setup.apply(new Params(params == null ? Map.of() : params), used);
      }
      case "teardown" -> {
        restoreBaseline.run();
        return Map.of();
      }
      default -> throw new IllegalArgumentException("action: must be setup or teardown, was '" + verb + "'");
    }
  }

  private Map<String, Object> authorize(String accessKey, Map<String, Object> used) {
    ensureAuthorized(accessKey);
    used.put("accessKey", accessKey);
    return used;
  }

  private void ensureAuthorized(String accessKey) {
    accounts.grant(accessKey, Account.DEFAULT_PERMISSIONS);
  }

  /**
   * Registers a missing key with the defaults and leaves an existing one as it is: states other than the two
   * authorization ones change only what they name, so "not authorized" then "QPS exhausted" stays not authorized.
   */
  private void ensureAccount(String accessKey) {
    accounts.ensure(accessKey);
  }

  private Map<String, Object> unauthorize(String accessKey, Map<String, Object> used) {
    // admin-openapi.yaml: "the account exists without submit and finish". A missing key is registered (defaults
    // otherwise), so the consumer can read it back; an existing one only loses the permissions.
    accounts.revoke(accessKey, Account.DEFAULT_PERMISSIONS);
    used.put("accessKey", accessKey);
    return used;
  }

  private Map<String, Object> stream(Params p, StreamState state, Map<String, Object> used) {
    String accessKey = p.accessKey();
    String requestId = p.required("requestId");
    String dupRequestId = state == StreamState.ACTIVE ? p.optional("dupRequestId") : null;
    String imgCallback = state == StreamState.ACTIVE ? p.optional("imgCallback") : null;
    int returnFinishInfo = state == StreamState.ACTIVE ? p.optionalInt("returnFinishInfo", 0) : 0;
    StreamSpec spec;
    try {
      spec =
          StreamSpec.builder()
              .requestId(requestId)
              .accessKey(accessKey)
              .dupRequestIds(dupRequestId == null ? List.of() : List.of(dupRequestId))
              .imgCallback(imgCallback)
              .returnFinishInfo(returnFinishInfo)
              .build();
    } catch (IllegalArgumentException e) {
      throw paramError(e);
    }
    try {
      // Checked before the account is touched, so a refused setup changes nothing.
      streams.checkForce(spec);
      ensureAccount(accessKey);
      streams.force(spec, state);
    } catch (IllegalArgumentException e) {
      throw paramError(e);
    } catch (StreamConflictException e) {
      // Name the param the caller sent (dupRequestId), not the stream field it fills (dupRequestIds).
      String param = e.field().equals("dupRequestIds") ? "dupRequestId" : e.field();
      throw new StreamConflictException("params." + param, e.problem());
    }
    used.put("accessKey", accessKey);
    used.put("requestId", requestId);
    if (dupRequestId != null) {
      used.put("dupRequestId", dupRequestId);
    }
    if (imgCallback != null) {
      used.put("imgCallback", imgCallback);
    }
    if (state == StreamState.ACTIVE) {
      used.put("returnFinishInfo", returnFinishInfo);
    }
    return used;
  }

  /** A stream field's error ({@code "requestId: ..."}) as the param that carried it ({@code "params.requestId: ..."}). */
  private static IllegalArgumentException paramError(IllegalArgumentException e) {
    String message = e.getMessage();
    // The one param whose name differs from the stream field it fills.
    if (message.startsWith("dupRequestIds:")) {
      message = "dupRequestId:" + message.substring("dupRequestIds:".length());
    }
    return new IllegalArgumentException("params." + message, e);
  }

  /** Opens ACTIVE streams for the key until its maxStreams are taken: a real count, not the flag. */
  private Map<String, Object> fillSlots(String accessKey, Map<String, Object> used) {
    ensureAccount(accessKey);
    int max = accounts.account(accessKey).orElseThrow().maxStreams();
    if (max > MAX_FILLED_STREAMS) {
      throw new IllegalArgumentException(
          "params.accessKey: its maxStreams " + max + " is too many to fill (at most " + MAX_FILLED_STREAMS
              + "); lower it with PUT /__admin/accounts/{accessKey}");
    }
    while (streams.activeCount(accessKey) < max) {
      streams.open(StreamSpec.builder().accessKey(accessKey).requestId(ResponseIds.next()).build());
    }
    used.put("accessKey", accessKey);
    used.put("maxStreams", max);
    used.put("active", streams.activeCount(accessKey));
    return used;
  }

  /** An ACTIVE NORMAL stream with this url, so that a submit of the same url is a duplicate. */
  private Map<String, Object> streamWithUrl(Params p, Map<String, Object> used) {
    String accessKey = p.accessKey();
    String url = p.required("url");
    String requestId = p.optional("requestId");
    if (requestId == null) {
      requestId = ResponseIds.next();
    }
    ObjectNode data = JsonNodeFactory.instance.objectNode().put("streamType", "NORMAL").put("url", url);
    StreamSpec spec;
    try {
      spec = new StreamSpec(requestId, accessKey, List.of(), null, null, 0, data);
      streams.checkForce(spec);
      ensureAccount(accessKey);
      streams.force(spec, StreamState.ACTIVE);
    } catch (IllegalArgumentException e) {
      throw paramError(e);
    } catch (StreamConflictException e) {
      throw new StreamConflictException("params." + e.field(), e.problem());
    }
    used.put("accessKey", accessKey);
    used.put("url", url);
    used.put("requestId", requestId);
    return used;
  }

  private Map<String, Object> exhaust(String accessKey, Map<String, Object> used) {
    ensureAccount(accessKey);
    accounts.freeze(accessKey);
    used.put("accessKey", accessKey);
    return used;
  }

  private Map<String, Object> limitStreams(String accessKey, Map<String, Object> used) {
    ensureAccount(accessKey);
    accounts.setStreamLimitReached(accessKey, true);
    used.put("accessKey", accessKey);
    return used;
  }

  private Map<String, Object> fail(String accessKey, Map<String, Object> used) {
    if (accessKey != null) {
      ensureAccount(accessKey);
      used.put("accessKey", accessKey);
    }
    var rule = faults.add(FaultSpec.code(
        accessKey == null ? FaultMatch.ANY : FaultMatch.byAccessKey(accessKey), VendorCode.SERVICE_FAILURE.code()));
    used.put("faultId", rule.id());
    return used;
  }

  /** State parameters as Pact sends them (JSON values) or as query parameters (strings). */
  private record Params(Map<String, Object> values) {

    /** The required accessKey param, checked like the vendor's field (1..20 code points). */
    String accessKey() {
      String key = required("accessKey");
      checkAccessKey(key);
      return key;
    }

    /** The optional accessKey param, checked when given. */
    String optionalAccessKey() {
      String key = optional("accessKey");
      if (key != null) {
        checkAccessKey(key);
      }
      return key;
    }

    private static void checkAccessKey(String key) {
      int length = key.codePointCount(0, key.length());
      if (length < 1 || length > 20) {
        throw new IllegalArgumentException("params.accessKey: must be 1..20 characters, was " + length);
      }
    }

    String required(String name) {
      String value = optional(name);
      if (value == null) {
        throw new IllegalArgumentException("params." + name + ": is required");
      }
      return value;
    }

    String optional(String name) {
      Object value = values.get(name);
      if (value == null) {
        return null;
      }
      if (!(value instanceof String text)) {
        throw new IllegalArgumentException("params." + name + ": must be a string");
      }
      return text;
    }

    int optionalInt(String name, int fallback) {
      Object value = values.get(name);
      if (value == null) {
        return fallback;
      }
      if (value instanceof Number number && number.doubleValue() == number.intValue()) {
        return number.intValue();
      }
      if (value instanceof String text && text.matches("-?\\d{1,9}")) {
        return Integer.parseInt(text);
      }
      throw new IllegalArgumentException("params." + name + ": must be an integer");
    }
  }
}
