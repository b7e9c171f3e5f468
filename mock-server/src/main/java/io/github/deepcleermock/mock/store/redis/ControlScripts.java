package io.github.deepcleermock.mock.store.redis;

/**
 * The Lua scripts behind every change of the shared control state: each change is one script (atomic, whole or
 * not at all) that also raises {@link ControlKeys#VERSION}, so every instance learns of it on its next request.
 */
final class ControlScripts {

  /**
   * One account change. KEYS: accounts, version, and for a put the account's bucket keys (deleted: a put starts
   * full buckets, as in memory). ARGV: op (put, ensure, grant, revoke, limit, freeze, remove), access
   * key, argument (account JSON, permissions JSON array, '1'/'0'), the defaults JSON for a missing key. Answers
   * {new version or 0 when nothing changed, the account JSON (a removed one's last) or '' when there is none}.
   */
  static final String ACCOUNT =
      """
      local op, key, arg = ARGV[1], ARGV[2], ARGV[3]
      local current = redis.call('HGET', KEYS[1], key)
      if op == 'remove' then
        if not current then return {0, ''} end
        redis.call('HDEL', KEYS[1], key)
        return {redis.call('INCR', KEYS[2]), current}
      end
      local account
      if op == 'put' then
        account = cjson.decode(arg)
        account.frozen = false
        for k = 3, #KEYS do redis.call('DEL', KEYS[k]) end
      elseif current then
        if op == 'ensure' then return {0, current} end
        account = cjson.decode(current)
      elseif op == 'limit' or op == 'freeze' then
        return {0, ''}
      else
        account = cjson.decode(ARGV[4])
      end
      local permissions = {}
      for _, p in ipairs(account.permissions or {}) do permissions[#permissions + 1] = p end
      if op == 'grant' then
        local have = {}
        for _, p in ipairs(permissions) do have[p] = true end
        for _, p in ipairs(cjson.decode(arg)) do
          if not have[p] then permissions[#permissions + 1] = p; have[p] = true end
        end
      elseif op == 'revoke' then
        local drop = {}
        for _, p in ipairs(cjson.decode(arg)) do drop[p] = true end
        local kept = {}
        for _, p in ipairs(permissions) do if not drop[p] then kept[#kept + 1] = p end end
        permissions = kept
      elseif op == 'limit' then
        account.streamLimitReached = (arg == '1')
      elseif op == 'freeze' then
        account.frozen = true
      end
      account.permissions = permissions
      local json = cjson.encode(account)
      redis.call('HSET', KEYS[1], key, json)
      return {redis.call('INCR', KEYS[2]), json}
      """;

  /**
   * Adds a rule (fault or scenario). KEYS: id counter, rules, version. ARGV: id prefix, rule JSON. Answers {id, new
   * version}.
   */
  static final String ADD_RULE =
      """
      local id = ARGV[1] .. redis.call('INCR', KEYS[1])
      redis.call('HSET', KEYS[2], id, ARGV[2])
      return {id, redis.call('INCR', KEYS[3])}
      """;

  /**
   * Removes one rule (ARGV[1] its id) or all (ARGV[1] empty) with their firing counts. KEYS: rules, counts, version.
   * Answers the new version, or 0 when there was no such rule.
   */
  static final String REMOVE_RULE =
      """
      if ARGV[1] == '' then
        redis.call('DEL', KEYS[1], KEYS[2])
        return redis.call('INCR', KEYS[3])
      end
      if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
      redis.call('HDEL', KEYS[2], ARGV[1])
      return redis.call('INCR', KEYS[3])
      """;

  /**
   * Counted firing of a fault rule: fires (1) only while the rule exists and has fired fewer than {@code times}
   * (ARGV[2], -1 for no limit), and counts it in the same step, so N firings happen exactly N times across every
   * instance however many race. KEYS: rules, counts. ARGV: id, times.
   */
  static final String FIRE =
      """
      if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
      local times = tonumber(ARGV[2])
      if times >= 0 and tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0') >= times then return 0 end
      redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
      return 1
      """;

  /**
   * The baseline for the whole group: the given accounts, no faults, the given scenarios (new ids). KEYS: version,
   * resets, accounts, faults, counts, scenarios, scenario id counter, baseline fingerprint, then the bucket keys of
   * the baseline accounts (deleted: a reset starts full buckets, as in memory). ARGV: '1' to keep the
   * group's state when it has one seeded from the same baseline (an instance joining), the baseline's fingerprint,
   * the number of accounts, then key and JSON of each account, then each scenario's JSON. Answers the new version,
   * or 0 when the group's state was kept.
   */
  static final String RESTORE =
      """
      if ARGV[1] == '1' and redis.call('EXISTS', KEYS[1]) == 1 and redis.call('GET', KEYS[8]) == ARGV[2] then
        return 0
      end
      redis.call('DEL', KEYS[3], KEYS[4], KEYS[5], KEYS[6])
      for k = 9, #KEYS do redis.call('DEL', KEYS[k]) end
      redis.call('SET', KEYS[8], ARGV[2])
      local i = 4
      for _ = 1, tonumber(ARGV[3]) do
        redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1])
        i = i + 2
      end
      while i <= #ARGV do
        redis.call('HSET', KEYS[6], 'scenario-' .. redis.call('INCR', KEYS[7]), ARGV[i])
        i = i + 1
      end
      redis.call('INCR', KEYS[2])
      return redis.call('INCR', KEYS[1])
      """;

  /**
   * One consistent view of the whole control state. KEYS: version, resets, accounts, faults, scenarios. Answers
   * {version or -1 when the group has no state, resets, accounts, faults, scenarios} (hashes as flat field/value
   * lists).
   */
  static final String SNAPSHOT =
      """
      return {tonumber(redis.call('GET', KEYS[1]) or '-1'), tonumber(redis.call('GET', KEYS[2]) or '0'),
        redis.call('HGETALL', KEYS[3]), redis.call('HGETALL', KEYS[4]), redis.call('HGETALL', KEYS[5])}
      """;

  private ControlScripts() {}
}
