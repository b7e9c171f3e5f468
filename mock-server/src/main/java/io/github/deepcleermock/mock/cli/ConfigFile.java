package io.github.deepcleermock.mock.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.streams.StreamSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

/**
 * The YAML configuration file: the same settings as the flags, plus accounts and seeded streams. Unknown keys are
 * errors, so a typo is reported instead of silently ignored.
 */
record ConfigFile(
    String host,
    Integer port,
    String unknownStream,
    Boolean magicValues,
    Integer journalSize,
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
    List<AccountEntry> accounts,
    List<StreamEntry> streams) {

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
          permissions == null ? java.util.Set.of(Account.FINISH) : new HashSet<>(permissions),
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
      return new StreamSpec(
          requestId, accessKey, dupRequestIds, imgCallback, audioCallback,
          returnFinishInfo == null ? 0 : returnFinishInfo, data);
    }
  }

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** Reads and checks a file; problems become one-line {@link IllegalArgumentException}s. */
  static ConfigFile read(Path path) {
    try {
      ConfigFile file = YAML.readValue(Files.readAllBytes(path), ConfigFile.class);
      if (file == null) {
        throw new IllegalArgumentException("config " + path + ": the file is empty");
      }
      return file;
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("config " + path + ": no such file");
    } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw new IllegalArgumentException(
          "config " + path + where + ": unknown key '" + e.getPropertyName() + "'; allowed: "
              + String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()));
    } catch (JsonMappingException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw new IllegalArgumentException(
          "config " + path + where + ": " + e.getOriginalMessage().lines().findFirst().orElse("invalid"));
    } catch (IOException e) {
      throw new IllegalArgumentException("config " + path + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
