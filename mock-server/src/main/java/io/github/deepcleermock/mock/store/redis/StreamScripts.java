package io.github.deepcleermock.mock.store.redis;

/**
 * The Lua scripts behind {@link RedisStreams}: every change of the streams is one script, so it runs whole or not at
 * all and no other instance sees a half-made step.
 *
 * <p>Keys (always passed in this order): 1 {@code dcm:stream:specs} (requestId → the spec as JSON, opaque to Lua),
 * 2 {@code dcm:stream:states} (requestId → {@code A}, {@code C|<instant>} or {@code E|<instant>}), 3
 * {@code dcm:stream:scripts} (requestId → the simulation's script), 4 {@code dcm:stream:meta} (requestId → JSON
 * {@code {key, dk, ids, t}}: access key, dedup key, every id, the incarnation token), 5 {@code dcm:alias:ids} (each
 * id → requestId), 6 {@code dcm:active:counts} (access key → ACTIVE count), 7 {@code dcm:dedup:running} (dedup key →
 * requestId of the ACTIVE stream), 8 {@code dcm:ended} (list of {@code <token>:<requestId>} of stopped streams,
 * newest first, trimmed to the retention). ARGV[1] is always the events channel, ARGV[2] the retention.
 */
final class StreamScripts {

  private StreamScripts() {}

  /** The key names, in the order every script expects them. */
  static final String[] KEYS = {
    "dcm:stream:specs", "dcm:stream:states", "dcm:stream:scripts", "dcm:stream:meta",
    "dcm:alias:ids", "dcm:active:counts", "dcm:dedup:running", "dcm:ended"
  };

  /*
   * drop: forgets a stream with all its ids (an ACTIVE one gives its slot and its dedup key back). keep: remembers a
   * stopped stream; past the retention the oldest stopped one is forgotten, unless its entry names an incarnation
   * that is gone (removed, replaced, reset) or it is ACTIVE again. insert: the stream's records; an ACTIVE one
   * takes a slot and, unless another ACTIVE stream holds it, its dedup key.
   */
  private static final String PRELUDE =
      """
      local function drop(rid)
        local mj = redis.call('HGET', KEYS[4], rid)
        if not mj then return nil end
        local m = cjson.decode(mj)
        local st = redis.call('HGET', KEYS[2], rid)
        if st == 'A' then
          redis.call('HINCRBY', KEYS[6], m.key, -1)
          if m.dk ~= '' and redis.call('HGET', KEYS[7], m.dk) == rid then redis.call('HDEL', KEYS[7], m.dk) end
        end
        for _, id in ipairs(m.ids) do
          if redis.call('HGET', KEYS[5], id) == rid then redis.call('HDEL', KEYS[5], id) end
        end
        redis.call('HDEL', KEYS[1], rid)
        redis.call('HDEL', KEYS[2], rid)
        redis.call('HDEL', KEYS[3], rid)
        redis.call('HDEL', KEYS[4], rid)
        return m
      end
      local function keep(rid, token)
        redis.call('LPUSH', KEYS[8], token .. ':' .. rid)
        local retention = tonumber(ARGV[2])
        while redis.call('LLEN', KEYS[8]) > retention do
          local oldest = redis.call('RPOP', KEYS[8])
          local sep = string.find(oldest, ':', 1, true)
          local t, r = string.sub(oldest, 1, sep - 1), string.sub(oldest, sep + 1)
          local mj = redis.call('HGET', KEYS[4], r)
          if mj and cjson.decode(mj).t == t and redis.call('HGET', KEYS[2], r) ~= 'A' then drop(r) end
        end
      end
      local function insert(rid, metaJson, spec, state)
        local m = cjson.decode(metaJson)
        redis.call('HSET', KEYS[1], rid, spec)
        redis.call('HSET', KEYS[2], rid, state)
        redis.call('HSET', KEYS[4], rid, metaJson)
        for _, id in ipairs(m.ids) do redis.call('HSET', KEYS[5], id, rid) end
        if state == 'A' then
          redis.call('HINCRBY', KEYS[6], m.key, 1)
          if m.dk ~= '' then
            local holder = redis.call('HGET', KEYS[7], m.dk)
            if not holder or redis.call('HGET', KEYS[2], holder) ~= 'A' then redis.call('HSET', KEYS[7], m.dk, rid) end
          end
        else
          keep(rid, m.t)
        end
      end
      """;

  /** ARGV[3] an id (requestId or alias) → {spec, state} or nil. */
  static final String LOOKUP =
      """
      local rid = redis.call('HGET', KEYS[5], ARGV[3])
      if not rid then return {} end
      return {redis.call('HGET', KEYS[1], rid), redis.call('HGET', KEYS[2], rid)}
      """;

  /** ARGV[3] a dedup key → {spec, state} of the ACTIVE stream holding it, or nil. */
  static final String RUNNING =
      """
      local rid = redis.call('HGET', KEYS[7], ARGV[3])
      if not rid then return {} end
      local st = redis.call('HGET', KEYS[2], rid)
      if st ~= 'A' then return {} end
      return {redis.call('HGET', KEYS[1], rid), st}
      """;

  /**
   * Opens a stream: ARGV[3] mode ({@code submit}: dedup check first; {@code seed}; {@code force}: an earlier stream
   * with the same requestId is replaced and maxStreams not checked), ARGV[4] maxStreams, ARGV[5] requestId, ARGV[6]
   * meta, ARGV[7] spec, ARGV[8] state. Answers {ok}, {dup, spec, state}, {full, count} or {taken, id, holder}.
   */
  static final String OPEN =
      PRELUDE
          + """
          local mode, rid, state = ARGV[3], ARGV[5], ARGV[8]
          local m = cjson.decode(ARGV[6])
          if mode == 'submit' and m.dk ~= '' then
            local running = redis.call('HGET', KEYS[7], m.dk)
            if running then
              local st = redis.call('HGET', KEYS[2], running)
              if st == 'A' then return {'dup', redis.call('HGET', KEYS[1], running), st} end
            end
          end
          for _, id in ipairs(m.ids) do
            local holder = redis.call('HGET', KEYS[5], id)
            if holder and not (mode == 'force' and holder == rid) then return {'taken', id, holder} end
          end
          if mode ~= 'force' and state == 'A' then
            local n = tonumber(redis.call('HGET', KEYS[6], m.key) or '0')
            if n >= tonumber(ARGV[4]) then return {'full', tostring(n)} end
          end
          if mode == 'force' then
            local old = drop(rid)
            if old then redis.call('PUBLISH', ARGV[1], 'removed\\n' .. old.t .. '\\n\\n' .. rid) end
          end
          insert(rid, ARGV[6], ARGV[7], state)
          return {'ok'}
          """;

  /**
   * ACTIVE → CLOSED/ENDED exactly once: ARGV[3] requestId, ARGV[4] the new state ({@code C|<instant>} or
   * {@code E|<instant>}), ARGV[5] the incarnation token. Answers {won}, {stopped, state} or {gone}.
   */
  static final String LEAVE =
      PRELUDE
          + """
          local rid = ARGV[3]
          local mj = redis.call('HGET', KEYS[4], rid)
          if not mj then return {'gone'} end
          local m = cjson.decode(mj)
          if m.t ~= ARGV[5] then return {'gone'} end
          local st = redis.call('HGET', KEYS[2], rid)
          if st ~= 'A' then return {'stopped', st} end
          redis.call('HSET', KEYS[2], rid, ARGV[4])
          redis.call('HINCRBY', KEYS[6], m.key, -1)
          if m.dk ~= '' and redis.call('HGET', KEYS[7], m.dk) == rid then redis.call('HDEL', KEYS[7], m.dk) end
          keep(rid, m.t)
          redis.call('PUBLISH', ARGV[1], 'stopped\\n' .. m.t .. '\\n' .. ARGV[4] .. '\\n' .. rid)
          return {'won'}
          """;

  /** Removes the stream ARGV[3] addresses with all its ids; answers 1, or 0 when there was none. */
  static final String REMOVE =
      PRELUDE
          + """
          local rid = redis.call('HGET', KEYS[5], ARGV[3])
          if not rid then return 0 end
          local m = drop(rid)
          if m then redis.call('PUBLISH', ARGV[1], 'removed\\n' .. m.t .. '\\n\\n' .. rid) end
          return 1
          """;

  /**
   * A reset of the whole group: forgets every stream and inserts the baseline ACTIVE. ARGV[3] the resetting
   * instance, then (requestId, meta, spec) per stream.
   */
  static final String RESTORE =
      PRELUDE
          + """
          redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], KEYS[8])
          for i = 4, #ARGV, 3 do insert(ARGV[i], ARGV[i + 1], ARGV[i + 2], 'A') end
          redis.call('PUBLISH', ARGV[1], 'reset\\n' .. ARGV[3] .. '\\n\\n')
          return 1
          """;

  /** Keeps the script (ARGV[5]) of the incarnation ARGV[4] of stream ARGV[3]; answers 1, or 0 when it is gone. */
  static final String KEEP_SCRIPT =
      """
      local mj = redis.call('HGET', KEYS[4], ARGV[3])
      if not mj or cjson.decode(mj).t ~= ARGV[4] then return 0 end
      redis.call('HSET', KEYS[3], ARGV[3], ARGV[5])
      return 1
      """;

  /** Every stream: {spec, state, spec, state, ...}, one consistent snapshot. */
  static final String LIST =
      """
      local out = {}
      local all = redis.call('HGETALL', KEYS[1])
      for i = 1, #all, 2 do
        out[#out + 1] = all[i + 1]
        out[#out + 1] = redis.call('HGET', KEYS[2], all[i])
      end
      return out
      """;
}
