package io.github.deepcleermock.mock.store.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.faults.FaultMatch;
import io.github.deepcleermock.mock.faults.FaultSpec;
import io.github.deepcleermock.mock.faults.TransportFault;
import io.github.deepcleermock.mock.simulation.Scenario;
import io.github.deepcleermock.mock.simulation.ScenarioSpec;
import io.github.deepcleermock.mock.simulation.ScriptJson;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Accounts, fault specs and scenario specs as the JSON values kept in Redis (what the Lua scripts edit). */
final class ControlJson {

  private final ObjectMapper mapper = new ObjectMapper();

  /** An account with its shared {@code frozen} flag (false when written: a put unfreezes, as in memory). */
  String account(Account account) {
    ObjectNode node = mapper.createObjectNode();
    node.put("accessKey", account.accessKey());
    node.put("qps", account.qps());
    node.put("maxStreams", account.maxStreams());
    var permissions = node.putArray("permissions");
    account.sortedPermissions().forEach(permissions::add);
    node.put("streamLimitReached", account.streamLimitReached());
    node.put("frozen", false);
    return node.toString();
  }

  /** An account read back; Lua's cjson writes an empty list as {@code {}}. */
  Account account(String json) {
    JsonNode node = tree(json);
    Set<String> permissions = new HashSet<>();
    node.path("permissions").elements().forEachRemaining(p -> permissions.add(p.textValue()));
    return new Account(
        node.get("accessKey").textValue(),
        node.get("qps").intValue(),
        node.get("maxStreams").intValue(),
        permissions,
        node.path("streamLimitReached").booleanValue());
  }

  /** Whether a stored account's buckets are frozen empty. */
  boolean frozen(String json) {
    return tree(json).path("frozen").booleanValue();
  }

  /** A JSON array of strings. */
  String strings(Set<String> values) {
    var array = mapper.createArrayNode();
    values.stream().sorted().forEach(array::add);
    return array.toString();
  }

  String fault(FaultSpec spec) {
    ObjectNode node = mapper.createObjectNode();
    ObjectNode match = node.putObject("match");
    putIfSet(match, "accessKey", spec.match().accessKey());
    putIfSet(match, "requestId", spec.match().requestId());
    if (spec.code() != null) {
      node.put("code", spec.code());
    }
    putIfSet(node, "message", spec.message());
    node.put("delayMs", spec.delayMs());
    if (spec.times() != null) {
      node.put("times", spec.times());
    }
    node.put("probability", spec.probability());
    putIfSet(node, "fault", spec.fault() == null ? null : spec.fault().name());
    return node.toString();
  }

  FaultSpec fault(String json) {
    JsonNode node = tree(json);
    JsonNode match = node.path("match");
    return new FaultSpec(
        new FaultMatch(text(match, "accessKey"), text(match, "requestId")),
        node.hasNonNull("code") ? node.get("code").intValue() : null,
        text(node, "message"),
        node.path("delayMs").longValue(),
        node.hasNonNull("times") ? node.get("times").intValue() : null,
        node.path("probability").doubleValue(),
        node.hasNonNull("fault") ? TransportFault.valueOf(node.get("fault").textValue()) : null);
  }

  /** A scenario's match and script, as the admin API reads them ({@code {match, script}}). */
  String scenario(ScenarioSpec spec) {
    ObjectNode node = ScriptJson.write(new Scenario("", spec));
    node.remove("id");
    // An absent match field matches anything; the reader wants it absent, not null.
    Iterator<Map.Entry<String, JsonNode>> fields = node.with("match").fields();
    while (fields.hasNext()) {
      if (fields.next().getValue().isNull()) {
        fields.remove();
      }
    }
    return node.toString();
  }

  ScenarioSpec scenario(String json) {
    return ScriptJson.scenario(tree(json));
  }

  private static void putIfSet(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.textValue();
  }

  private JsonNode tree(String json) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("store: unreadable control entry " + json, e);
    }
  }
}
