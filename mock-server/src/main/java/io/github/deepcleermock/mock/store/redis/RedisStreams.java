package io.github.deepcleermock.mock.store.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.store.StoreUnavailableException;
import io.github.deepcleermock.mock.streams.GroupEvents;
import io.github.deepcleermock.mock.streams.StreamConflictException;
import io.github.deepcleermock.mock.streams.StreamRecord;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import io.github.deepcleermock.mock.streams.StreamStore;
import io.github.deepcleermock.mock.time.TimeSource;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * The streams of every instance on one Redis: records, aliases, ACTIVE counts, dedup keys and the stopped streams
 * kept for re-close idempotency, each change one Lua script ({@link StreamScripts}).
 *
 * <p>Each opening gets an incarnation token, so a record from before a reset or a replacement can never move the
 * stream that now has its requestId. The records this instance opened are kept here too (their simulation runs
 * here and knows them by identity); what another instance does to them arrives on {@link #CHANNEL}.
 */
final class RedisStreams implements StreamStore {

  /** The group's channel for stream events: {@code stopped}, {@code removed}, {@code reset}. */
  static final String CHANNEL = "dcm:events:streams";

  private static final String[] KEYS = StreamScripts.KEYS;
  private static final String ACTIVE = "A";

  /** A stream this instance opened, with the token of its incarnation. */
  private record Mine(String token, StreamRecord stream) {}

  private final RedisCommands<String, String> redis;
  private final TimeSource time;
  private final String retention;
  private final String instance = token();
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Mine> mine = new ConcurrentHashMap<>();
  private volatile GroupEvents events = GroupEvents.NONE;
  private final LuaScript lookup;
  private final LuaScript running;
  private final LuaScript open;
  private final LuaScript leave;
  private final LuaScript remove;
  private final LuaScript restore;
  private final LuaScript keepScript;
  private final LuaScript list;

  RedisStreams(RedisCommands<String, String> redis, TimeSource time, int endedRetention) {
    if (endedRetention < 0) {
      throw new IllegalArgumentException("endedStreams: must not be negative, was " + endedRetention);
    }
    this.redis = redis;
    this.time = time;
    this.retention = Integer.toString(endedRetention);
    this.lookup = new LuaScript(redis, StreamScripts.LOOKUP);
    this.running = new LuaScript(redis, StreamScripts.RUNNING);
    this.open = new LuaScript(redis, StreamScripts.OPEN);
    this.leave = new LuaScript(redis, StreamScripts.LEAVE);
    this.remove = new LuaScript(redis, StreamScripts.REMOVE);
    this.restore = new LuaScript(redis, StreamScripts.RESTORE);
    this.keepScript = new LuaScript(redis, StreamScripts.KEEP_SCRIPT);
    this.list = new LuaScript(redis, StreamScripts.LIST);
  }

  @Override
  public StreamRecord get(String id) {
    List<Object> found = lookup.run(ScriptOutputType.MULTI, KEYS, CHANNEL, retention, id);
    return found == null || found.size() < 2 ? null : record((String) found.get(0), (String) found.get(1));
  }

  @Override
  public int activeCount(String accessKey) {
    try {
      String count = redis.hget(KEYS[5], accessKey);
      return count == null ? 0 : Integer.parseInt(count);
    } catch (RedisException e) {
      throw new StoreUnavailableException(e);
    }
  }

  @Override
  public StreamRecord running(String dedupKey) {
    List<Object> found = running.run(ScriptOutputType.MULTI, KEYS, CHANNEL, retention, dedupKey);
    return found == null || found.size() < 2 ? null : record((String) found.get(0), (String) found.get(1));
  }

  @Override
  public Submitted submit(StreamSpec spec, int maxActive) {
    Instant now = time.now();
    long nanos = time.nanoTime();
    String token = token();
    List<Object> answer = opening("submit", spec, ACTIVE, maxActive, now, token);
    return switch ((String) answer.get(0)) {
      case "ok" -> new Submitted.Opened(mine(spec, now, nanos, StreamState.ACTIVE, token));
      case "dup" -> new Submitted.Duplicate(record((String) answer.get(1), (String) answer.get(2)));
      case "full" -> new Submitted.LimitReached(Integer.parseInt((String) answer.get(1)));
      default -> throw new IllegalStateException(
          "fresh requestId " + spec.requestId() + " is already taken by " + answer.get(2));
    };
  }

  @Override
  public StreamRecord open(StreamSpec spec, StreamState state, int maxActive) {
    return opened("seed", spec, state, maxActive);
  }

  @Override
  public StreamRecord force(StreamSpec spec, StreamState state) {
    return opened("force", spec, state, Integer.MAX_VALUE);
  }

  private StreamRecord opened(String mode, StreamSpec spec, StreamState state, int maxActive) {
    Instant now = time.now();
    long nanos = time.nanoTime();
    String token = token();
    List<Object> answer = opening(mode, spec, stateValue(state, now), maxActive, now, token);
    return switch ((String) answer.get(0)) {
      case "ok" -> mine(spec, now, nanos, state, token);
      case "full" -> throw new StreamConflictException(
          "accessKey",
          "account '" + spec.accessKey() + "' already has " + answer.get(1) + " ACTIVE streams, its maxStreams is "
              + maxActive);
      case "taken" -> throw taken(spec, (String) answer.get(1), (String) answer.get(2));
      default -> throw new IllegalStateException("unexpected answer " + answer);
    };
  }

  private List<Object> opening(
      String mode, StreamSpec spec, String state, int maxActive, Instant now, String token) {
    return open.run(
        ScriptOutputType.MULTI, KEYS, CHANNEL, retention, mode, Integer.toString(maxActive), spec.requestId(),
        meta(spec, token), specJson(spec, now, token), state);
  }

  /** Remembers a stream this instance opened: its simulation runs here. */
  private StreamRecord mine(StreamSpec spec, Instant now, long nanos, StreamState state, String token) {
    StreamRecord.Stopped stopped = state == StreamState.ACTIVE ? null : new StreamRecord.Stopped(state, now);
    StreamRecord stream = StreamRecord.shared(spec, now, nanos, stopped, transitions(token));
    if (state == StreamState.ACTIVE) {
      mine.put(spec.requestId(), new Mine(token, stream));
    }
    return stream;
  }

  @Override
  public void checkForce(StreamSpec spec) {
    List<String> ids = ids(spec);
    List<KeyValue<String, String>> holders;
    try {
      holders = redis.hmget(KEYS[4], ids.toArray(String[]::new));
    } catch (RedisException e) {
      throw new StoreUnavailableException(e);
    }
    for (KeyValue<String, String> holder : holders) {
      if (holder.hasValue() && !holder.getValue().equals(spec.requestId())) {
        throw taken(spec, holder.getKey(), holder.getValue());
      }
    }
  }

  @Override
  public boolean remove(String id) {
    Long removed = remove.run(ScriptOutputType.INTEGER, KEYS, CHANNEL, retention, id);
    return removed != null && removed == 1L;
  }

  @Override
  public List<StreamRecord> list(Predicate<StreamRecord> filter) {
    List<Object> all = list.run(ScriptOutputType.MULTI, KEYS, CHANNEL, retention);
    List<StreamRecord> result = new ArrayList<>();
    for (int i = 0; i + 1 < all.size(); i += 2) {
      StreamRecord stream = record((String) all.get(i), (String) all.get(i + 1));
      if (filter.test(stream)) {
        result.add(stream);
      }
    }
    result.sort(Comparator.comparing(StreamRecord::requestId));
    return result;
  }

  @Override
  public List<StreamRecord> restore(List<StreamSpec> baseline) {
    Instant now = time.now();
    long nanos = time.nanoTime();
    List<String> args = new ArrayList<>(List.of(CHANNEL, retention, instance));
    List<String> tokens = new ArrayList<>();
    for (StreamSpec spec : baseline) {
      String token = token();
      tokens.add(token);
      args.add(spec.requestId());
      args.add(meta(spec, token));
      args.add(specJson(spec, now, token));
    }
    restore.run(ScriptOutputType.INTEGER, KEYS, args.toArray(String[]::new));
    forgetMine();
    List<StreamRecord> opened = new ArrayList<>(baseline.size());
    for (int i = 0; i < baseline.size(); i++) {
      opened.add(mine(baseline.get(i), now, nanos, StreamState.ACTIVE, tokens.get(i)));
    }
    return opened;
  }

  /** Joins the group: adds the baseline streams the group lacks, keeps everything else. */
  @Override
  public List<StreamRecord> startWith(List<StreamSpec> baseline) {
    List<StreamRecord> opened = new ArrayList<>();
    for (StreamSpec spec : baseline) {
      try {
        opened.add(opened("seed", spec, StreamState.ACTIVE, Integer.MAX_VALUE));
      } catch (StreamConflictException alreadyThere) {
        // Another instance of the group started with it (or a user seeded it): theirs stands.
      }
    }
    return opened;
  }

  @Override
  public void keepScript(StreamRecord stream, String scriptJson) {
    Mine known = mine.get(stream.requestId());
    if (known != null && known.stream() == stream) {
      keepScript.run(
          ScriptOutputType.INTEGER, KEYS, CHANNEL, retention, stream.requestId(), known.token(), scriptJson);
    }
  }

  @Override
  public String keptScript(StreamRecord stream) {
    try {
      return redis.hget(KEYS[2], stream.requestId());
    } catch (RedisException e) {
      throw new StoreUnavailableException(e);
    }
  }

  @Override
  public void listen(GroupEvents events) {
    this.events = events;
  }

  /** One message of {@link #CHANNEL}: {@code <kind>\n<token or instance>\n<state>\n<requestId>}. */
  void heard(String message) {
    String[] parts = message.split("\n", 4);
    if (parts.length < 4) {
      return;
    }
    switch (parts[0]) {
      case "stopped", "removed" -> {
        Mine known = mine.get(parts[3]);
        if (known == null || !known.token().equals(parts[1])) {
          return;
        }
        mine.remove(parts[3], known);
        StreamRecord.Stopped stopped =
            parts[2].isEmpty() ? new StreamRecord.Stopped(StreamState.CLOSED, time.now()) : stopped(parts[2]);
        if (known.stream().observeStopped(stopped.state(), stopped.at())) {
          events.stoppedElsewhere(known.stream());
        }
      }
      case "reset" -> {
        if (!parts[1].equals(instance)) {
          forgetMine();
          events.resetElsewhere();
        }
      }
      default -> {
        // A kind this version does not know (a newer instance in the group): nothing to do here.
      }
    }
  }

  private void forgetMine() {
    for (Mine known : mine.values()) {
      known.stream().observeStopped(StreamState.CLOSED, time.now());
    }
    mine.clear();
  }

  private StreamRecord.SharedTransitions transitions(String token) {
    return (stream, to, at, retain) -> {
      List<Object> answer =
          leave.run(
              ScriptOutputType.MULTI, KEYS, CHANNEL, retention, stream.requestId(), stateValue(to, at), token);
      return switch ((String) answer.get(0)) {
        case "won" -> {
          mine.computeIfPresent(stream.requestId(), (id, known) -> known.token().equals(token) ? null : known);
          yield null;
        }
        case "stopped" -> stopped((String) answer.get(1));
        // Removed or replaced since this record was read: it is as good as closed.
        default -> new StreamRecord.Stopped(StreamState.CLOSED, at);
      };
    };
  }

  /** The record for a stored spec and state: this instance's own object when it opened that incarnation. */
  private StreamRecord record(String specJson, String state) {
    JsonNode node = parse(specJson);
    String requestId = node.get("requestId").textValue();
    String token = node.get("t").textValue();
    StreamRecord.Stopped stopped = ACTIVE.equals(state) ? null : stopped(state);
    Mine known = mine.get(requestId);
    if (known != null && known.token().equals(token)) {
      if (stopped != null && known.stream().observeStopped(stopped.state(), stopped.at())) {
        // Stopped elsewhere and the notice has not arrived yet: the simulation must stop now, not later.
        mine.remove(requestId, known);
        events.stoppedElsewhere(known.stream());
      }
      return known.stream();
    }
    Instant openedAt = Instant.parse(node.get("openedAt").textValue());
    // Ticker readings do not travel between processes: the opening is placed on this instance's ticker by age.
    long age = Math.max(0, Duration.between(openedAt, time.now()).toNanos());
    return StreamRecord.shared(spec(node), openedAt, time.nanoTime() - age, stopped, transitions(token));
  }

  private static StreamRecord.Stopped stopped(String state) {
    StreamState kind = state.charAt(0) == 'E' ? StreamState.ENDED : StreamState.CLOSED;
    return new StreamRecord.Stopped(kind, Instant.parse(state.substring(2)));
  }

  private static String stateValue(StreamState state, Instant at) {
    return switch (state) {
      case ACTIVE -> ACTIVE;
      case CLOSED -> "C|" + at;
      case ENDED -> "E|" + at;
    };
  }

  private String meta(StreamSpec spec, String token) {
    ObjectNode meta = json.createObjectNode();
    meta.put("key", spec.accessKey());
    String dedupKey = spec.dedupKey();
    meta.put("dk", dedupKey == null ? "" : dedupKey);
    ArrayNode ids = meta.putArray("ids");
    ids(spec).forEach(ids::add);
    meta.put("t", token);
    return meta.toString();
  }

  private String specJson(StreamSpec spec, Instant openedAt, String token) {
    ObjectNode node = json.createObjectNode();
    node.put("requestId", spec.requestId());
    node.put("accessKey", spec.accessKey());
    ArrayNode aliases = node.putArray("dupRequestIds");
    spec.dupRequestIds().forEach(aliases::add);
    node.put("imgCallback", spec.imgCallback());
    node.put("audioCallback", spec.audioCallback());
    node.put("returnFinishInfo", spec.returnFinishInfo());
    node.set("data", spec.data());
    node.set("submitted", spec.submitted());
    node.put("openedAt", openedAt.toString());
    node.put("t", token);
    return node.toString();
  }

  private static StreamSpec spec(JsonNode node) {
    List<String> aliases = new ArrayList<>();
    node.get("dupRequestIds").forEach(alias -> aliases.add(alias.textValue()));
    JsonNode submitted = node.get("submitted");
    return StreamSpec.builder()
        .requestId(node.get("requestId").textValue())
        .accessKey(node.get("accessKey").textValue())
        .dupRequestIds(aliases)
        .imgCallback(node.get("imgCallback").textValue())
        .audioCallback(node.get("audioCallback").textValue())
        .returnFinishInfo(node.get("returnFinishInfo").intValue())
        .data((ObjectNode) node.get("data"))
        .submitted(submitted instanceof ObjectNode object ? object : null)
        .build();
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a stream record in Redis is not JSON", e);
    }
  }

  private static List<String> ids(StreamSpec spec) {
    List<String> ids = new ArrayList<>(1 + spec.dupRequestIds().size());
    ids.add(spec.requestId());
    ids.addAll(spec.dupRequestIds());
    return ids;
  }

  private static StreamConflictException taken(StreamSpec spec, String id, String holder) {
    String field = id.equals(spec.requestId()) ? "requestId" : "dupRequestIds";
    return new StreamConflictException(field, "'" + id + "' is already taken by stream '" + holder + "'");
  }

  private static String token() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
  }
}
