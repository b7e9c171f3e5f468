package io.github.deepcleermock.mock.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Scripts and scenario rules as JSON (the admin API and the configuration file share it), read strictly: an
 * unknown field, a null or a wrong type fails with the full path of the field ({@code script.frames[0].at: ...}).
 */
public final class ScriptJson {

  private static final Set<String> LABELS = Set.of("riskLabel1", "riskLabel2", "riskLabel3", "riskDescription");

  private ScriptJson() {}

  /** Reads {@code {match?, script}}. */
  public static ScenarioSpec scenario(JsonNode node) {
    ObjectNode body = object("body", node);
    allowOnly("", body, Set.of("match", "script"));
    ScenarioMatch match = ScenarioMatch.ANY;
    JsonNode matchNode = body.get("match");
    if (matchNode != null) {
      ObjectNode m = object("match", matchNode);
      allowOnly("match.", m, Set.of("accessKey", "url", "room", "tokenId"));
      match = new ScenarioMatch(
          text("match.accessKey", m.get("accessKey")), text("match.url", m.get("url")),
          text("match.room", m.get("room")), text("match.tokenId", m.get("tokenId")));
    }
    JsonNode script = body.get("script");
    if (script == null) {
      throw new IllegalArgumentException("script: is required");
    }
    return new ScenarioSpec(match, script("script", script));
  }

  /** Reads a script; {@code path} names it in errors. */
  public static Script script(String path, JsonNode node) {
    ObjectNode script = object(path, node);
    allowOnly(path + ".", script, Set.of("frames", "audio", "endAt", "pullFailure"));
    List<Script.FrameRule> frames = new ArrayList<>();
    int i = 0;
    for (JsonNode item : array(path + ".frames", script.get("frames"))) {
      String at = path + ".frames[" + i++ + "]";
      ObjectNode rule = object(at, item);
      allowOnly(at + ".", rule, union(Set.of("at", "riskLevel"), LABELS));
      frames.add(new Script.FrameRule(whole(at + ".at", rule.get("at"), 0), verdict(at, rule, null)));
    }
    List<Script.SegmentRule> audio = new ArrayList<>();
    i = 0;
    for (JsonNode item : array(path + ".audio", script.get("audio"))) {
      String at = path + ".audio[" + i++ + "]";
      ObjectNode rule = object(at, item);
      allowOnly(at + ".", rule, union(Set.of("segment", "riskLevel", "text"), LABELS));
      audio.add(new Script.SegmentRule(
          whole(at + ".segment", rule.get("segment"), 0), verdict(at, rule, text(at + ".text", rule.get("text")))));
    }
    Long endAt = script.has("endAt") ? whole(path + ".endAt", script.get("endAt"), 1) : null;
    Script.PullFailure failure = null;
    if (script.has("pullFailure")) {
      String at = path + ".pullFailure";
      ObjectNode pull = object(at, script.get("pullFailure"));
      allowOnly(at + ".", pull, Set.of("errorCode", "afterSeconds"));
      long code = whole(at + ".errorCode", pull.get("errorCode"), 0);
      if (code < 3001 || code > 3005) {
        throw new IllegalArgumentException(at + ".errorCode: must be 3001..3005, was " + code);
      }
      long after = pull.has("afterSeconds") ? whole(at + ".afterSeconds", pull.get("afterSeconds"), 0) : 0;
      failure = new Script.PullFailure((int) code, after);
    }
    return new Script(frames, audio, endAt, failure);
  }

  /** A script as JSON, the shape {@link #script} reads. */
  public static ObjectNode write(Script script) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    ArrayNode frames = node.putArray("frames");
    for (Script.FrameRule rule : script.frames()) {
      ObjectNode item = frames.addObject();
      item.put("at", rule.at());
      labels(item, rule.verdict());
    }
    ArrayNode audio = node.putArray("audio");
    for (Script.SegmentRule rule : script.audio()) {
      ObjectNode item = audio.addObject();
      item.put("segment", rule.segment());
      labels(item, rule.verdict());
      item.put("text", rule.verdict().text());
    }
    if (script.endAt() != null) {
      node.put("endAt", script.endAt());
    }
    if (script.pullFailure() != null) {
      node.putObject("pullFailure")
          .put("errorCode", script.pullFailure().errorCode())
          .put("afterSeconds", script.pullFailure().afterSeconds());
    }
    return node;
  }

  /** A scenario rule as JSON: {@code {id, match, script}}. */
  public static ObjectNode write(Scenario scenario) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", scenario.id());
    ObjectNode match = node.putObject("match");
    ScenarioMatch m = scenario.spec().match();
    match.put("accessKey", m.accessKey());
    match.put("url", m.url());
    match.put("room", m.room());
    match.put("tokenId", m.tokenId());
    node.set("script", write(scenario.spec().script()));
    return node;
  }

  private static void labels(ObjectNode item, Verdict verdict) {
    item.put("riskLevel", verdict.riskLevel().name());
    item.put("riskLabel1", verdict.riskLabel1());
    item.put("riskLabel2", verdict.riskLabel2());
    item.put("riskLabel3", verdict.riskLabel3());
    item.put("riskDescription", verdict.riskDescription());
  }

  private static Verdict verdict(String at, ObjectNode rule, String transcript) {
    JsonNode level = rule.get("riskLevel");
    if (level == null) {
      throw new IllegalArgumentException(at + ".riskLevel: is required");
    }
    return Verdict.of(
        RiskLevel.parse(at + ".riskLevel", text(at + ".riskLevel", level)),
        text(at + ".riskLabel1", rule.get("riskLabel1")),
        text(at + ".riskLabel2", rule.get("riskLabel2")),
        text(at + ".riskLabel3", rule.get("riskLabel3")),
        text(at + ".riskDescription", rule.get("riskDescription")),
        transcript);
  }

  private static ObjectNode object(String path, JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(path + ": must be a JSON object");
    }
    return (ObjectNode) node;
  }

  private static Iterable<JsonNode> array(String path, JsonNode node) {
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException(path + ": must be an array");
    }
    return node;
  }

  private static String text(String path, JsonNode node) {
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      throw new IllegalArgumentException(path + ": must be a string");
    }
    return node.textValue();
  }

  private static long whole(String path, JsonNode node, long min) {
    if (node == null) {
      throw new IllegalArgumentException(path + ": is required");
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min) {
      throw new IllegalArgumentException(path + ": must be a whole number of at least " + min);
    }
    return node.longValue();
  }

  private static void allowOnly(String prefix, ObjectNode node, Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException(
            prefix + name + ": unknown field; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
      }
      if (node.get(name).isNull()) {
        throw new IllegalArgumentException(prefix + name + ": must not be null (omit it instead)");
      }
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
