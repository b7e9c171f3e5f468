package io.github.deepcleermock.mock.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.simulation.ScenarioSpec;
import io.github.deepcleermock.mock.simulation.ScriptJson;
import io.github.deepcleermock.mock.streams.StreamSpec;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The YAML configuration file: the same settings as the flags, plus accounts, seeded streams and scenario rules
 * ({@code {match?, script}}, read like {@code POST /__admin/scenarios} bodies). Unknown keys are errors, so a typo
 * is reported instead of silently ignored; every error names the file, the line and the key.
 */
record ConfigFile(
    String host,
    Integer port,
    String unknownStream,
    Boolean magicValues,
    Integer journalSize,
    Integer endedStreams,
    Integer callbackRetries,
    Long callbackBackoffMs,
    Long seed,
    String adminToken,
    Integer httpsPort,
    Boolean httpsOnly,
    String keystore,
    String keystorePassword,
    String callbackTrust,
    Boolean metrics,
    Double timeScale,
    List<AccountEntry> accounts,
    List<StreamEntry> streams,
    List<ObjectNode> scenarios) {

  /** An account as written in the file; omitted fields take the defaults. */
  record AccountEntry(
      @JsonProperty(required = true) String accessKey,
      Integer qps,
      Integer maxStreams,
      List<String> permissions,
      Boolean streamLimitReached) {

    Account toAccount() {
      return new Account(
          accessKey,
          qps == null ? Account.DEFAULT_QPS : qps,
          maxStreams == null ? Account.DEFAULT_MAX_STREAMS : maxStreams,
          permissions == null ? Account.DEFAULT_PERMISSIONS : new HashSet<>(permissions),
          streamLimitReached != null && streamLimitReached);
    }
  }

  /** A seeded stream as written in the file. */
  record StreamEntry(
      @JsonProperty(required = true) String requestId,
      @JsonProperty(required = true) String accessKey,
      List<String> dupRequestIds,
      String imgCallback,
      String audioCallback,
      Integer returnFinishInfo,
      ObjectNode data) {

    StreamSpec toSpec() {
      return StreamSpec.builder()
          .requestId(requestId)
          .accessKey(accessKey)
          .dupRequestIds(dupRequestIds)
          .imgCallback(imgCallback)
          .audioCallback(audioCallback)
          .returnFinishInfo(returnFinishInfo == null ? 0 : returnFinishInfo)
          .data(data)
          .build();
    }
  }

  /** The scenario rules, checked. */
  List<ScenarioSpec> scenarioSpecs() {
    List<ScenarioSpec> specs = new java.util.ArrayList<>();
    if (scenarios != null) {
      for (int i = 0; i < scenarios.size(); i++) {
        try {
          specs.add(ScriptJson.scenario(scenarios.get(i)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("scenarios[" + i + "]." + e.getMessage(), e);
        }
      }
    }
    return specs;
  }

  private static final ObjectMapper YAML = mapper();

  private static ObjectMapper mapper() {
    ObjectMapper mapper =
        new ObjectMapper(new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // seed: 1.5 is a mistake, not 1; port: "80" (a string) is one too.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
      mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    return mapper;
  }

  /**
   * Reads and checks a file. Every problem becomes one {@link IllegalArgumentException} line that names the file,
   * the line and the key: {@code config mock.yaml (line 14): accounts[1].qps: must be at least 1, was 0}. An empty
   * file (or one with only comments) is an empty configuration.
   */
  static ConfigFile read(Path path) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("config " + path + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException("config " + path + ": " + firstLine(e.getMessage()));
    }
    Node root;
    try {
      root = new Yaml().compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String where = mark == null ? "" : " (line " + (mark.getLine() + 1) + ")";
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      throw new IllegalArgumentException("config " + path + where + ": not valid YAML: " + firstLine(problem));
    } catch (YAMLException e) {
      throw new IllegalArgumentException("config " + path + ": not valid YAML: " + firstLine(e.getMessage()));
    }
    if (root == null) {
      return readTree("{}", path, ConfigKeys.of(null));
    }
    ConfigKeys keys = ConfigKeys.of(root);
    ConfigFile file = readTree(text, path, keys);
    file.check(path, keys);
    return file;
  }

  private static ConfigFile readTree(String text, Path path, ConfigKeys keys) {
    try {
      return YAML.readValue(text, ConfigFile.class);
    } catch (UnrecognizedPropertyException e) {
      throw error(path, keys, keyOf(e), e,
          "unknown key; allowed: "
              + String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()));
    } catch (MismatchedInputException e) {
      String key = keyOf(e);
      Class<?> target = e.getTargetType();
      String problem =
          key.isEmpty()
              ? "the file must be a mapping of settings"
              : target == null
                  ? firstLine(e.getOriginalMessage())
                  : "must be " + describe(target) + keys.scalar(key).map(v -> ", was '" + v + "'").orElse("");
      throw error(path, keys, key, e, problem);
    } catch (JsonMappingException e) {
      throw error(path, keys, keyOf(e), e, firstLine(e.getOriginalMessage()));
    } catch (StreamReadException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw new IllegalArgumentException("config " + path + where + ": " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new IllegalArgumentException("config " + path + ": " + firstLine(e.getMessage()));
    }
  }

  /** Checks what reads fine but is invalid, naming the key it is written under. */
  private void check(Path path, ConfigKeys keys) {
    if (unknownStream != null && !List.of("accept", "reject").contains(unknownStream)) {
      throw error(path, keys, "unknownStream", null, "must be accept or reject, was '" + unknownStream + "'");
    }
    for (int i = 0; accounts != null && i < accounts.size(); i++) {
      String entry = "accounts[" + i + "]";
      if (accounts.get(i) == null) {
        throw error(path, keys, entry, null, "must be a mapping with at least accessKey");
      }
      try {
        accounts.get(i).toAccount();
      } catch (IllegalArgumentException e) {
        throw fieldError(path, keys, entry, e);
      }
    }
    for (int i = 0; streams != null && i < streams.size(); i++) {
      String entry = "streams[" + i + "]";
      if (streams.get(i) == null) {
        throw error(path, keys, entry, null, "must be a mapping with at least requestId and accessKey");
      }
      try {
        streams.get(i).toSpec();
      } catch (IllegalArgumentException e) {
        throw fieldError(path, keys, entry, e);
      }
    }
  }

  /** A value object's "field: problem" message as the key of the file entry it was read from. */
  private static IllegalArgumentException fieldError(
      Path path, ConfigKeys keys, String entry, IllegalArgumentException e) {
    String message = firstLine(e.getMessage());
    int colon = message.indexOf(": ");
    if (colon > 0 && message.substring(0, colon).matches("[A-Za-z]+")) {
      return error(path, keys, entry + "." + message.substring(0, colon), null, message.substring(colon + 2));
    }
    return error(path, keys, entry, null, message);
  }

  private static IllegalArgumentException error(
      Path path, ConfigKeys keys, String key, JsonProcessingException cause, String problem) {
    Optional<Integer> line = keys.line(key);
    if (line.isEmpty() && cause != null && cause.getLocation() != null) {
      line = Optional.of(cause.getLocation().getLineNr());
    }
    String where = line.map(n -> " (line " + n + ")").orElse("");
    return new IllegalArgumentException(
        "config " + path + where + ": " + (key.isEmpty() ? "" : key + ": ") + problem);
  }

  /** The path Jackson was reading, as the file writes it: {@code accounts[1].qps}. */
  private static String keyOf(JsonMappingException e) {
    StringBuilder key = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        key.append(key.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        key.append('[').append(ref.getIndex()).append(']');
      }
    }
    return key.toString();
  }

  private static String describe(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "a mapping";
  }

  private static String firstLine(String message) {
    return message == null ? "invalid" : message.lines().findFirst().orElse("invalid").trim();
  }
}
