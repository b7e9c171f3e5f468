package io.github.deepcleermock.mock.admin;

import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.accounts.Accounts;
import io.github.deepcleermock.mock.callbacks.CallbackAttempt;
import io.github.deepcleermock.mock.faults.FaultRule;
import io.github.deepcleermock.mock.faults.FaultSpec;
import io.github.deepcleermock.mock.journal.JournalEntry;
import io.github.deepcleermock.mock.simulation.ScriptJson;
import io.github.deepcleermock.mock.simulation.Simulation;
import io.github.deepcleermock.mock.streams.StreamRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of the control plane (admin-openapi.yaml), built from the domain values. */
final class AdminViews {

  private AdminViews() {}

  static Map<String, Object> account(Account account, Accounts accounts) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("accessKey", account.accessKey());
    view.put("qps", account.qps());
    view.put("maxStreams", account.maxStreams());
    view.put("permissions", account.sortedPermissions());
    view.put("streamLimitReached", account.streamLimitReached());
    view.put("qpsFrozen", accounts.isFrozen(account.accessKey()));
    return view;
  }

  static Map<String, Object> stream(StreamRecord stream, Simulation.Progress progress) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("requestId", stream.requestId());
    view.put("accessKey", stream.accessKey());
    view.put("dupRequestIds", stream.spec().dupRequestIds());
    view.put("imgCallback", stream.spec().imgCallback());
    view.put("audioCallback", stream.spec().audioCallback());
    view.put("returnFinishInfo", stream.spec().returnFinishInfo());
    view.put("data", stream.spec().data());
    view.put("state", stream.state().name());
    view.put("openedAt", time(stream.openedAt()));
    view.put("closedAt", time(stream.closedAt()));
    view.put("submitted", stream.spec().submitted());
    if (progress != null) {
      Map<String, Object> simulation = new LinkedHashMap<>();
      simulation.put("running", progress.running());
      simulation.put("script", ScriptJson.write(progress.script()));
      simulation.put("framesCaptured", progress.framesCaptured());
      simulation.put("segmentsModerated", progress.segmentsModerated());
      simulation.put("resultCallbacks", progress.resultCallbacks());
      simulation.put("imageRiskLevel", progress.imageRiskLevel().name());
      simulation.put("audioRiskLevel", progress.audioRiskLevel().name());
      view.put("simulation", simulation);
    }
    return view;
  }

  static Map<String, Object> fault(FaultRule rule) {
    FaultSpec spec = rule.spec();
    Map<String, Object> match = new LinkedHashMap<>();
    match.put("accessKey", spec.match().accessKey());
    match.put("requestId", spec.match().requestId());
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", rule.id());
    view.put("match", match);
    view.put("code", spec.code());
    view.put("message", spec.message());
    view.put("delayMs", spec.delayMs());
    view.put("times", spec.times());
    view.put("probability", spec.probability());
    view.put("fault", spec.fault() == null ? null : spec.fault().name());
    view.put("fired", rule.fired());
    view.put("remaining", rule.remaining());
    return view;
  }

  static Map<String, Object> request(JournalEntry entry) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("seq", entry.seq());
    view.put("time", time(entry.time()));
    view.put("method", entry.method());
    view.put("path", entry.path());
    view.put("accessKey", entry.accessKey());
    view.put("requestId", entry.requestId());
    view.put("code", entry.code());
    view.put("reason", entry.reason());
    view.put("unknownStream", entry.unknownStream());
    view.put("faultId", entry.faultId());
    view.put("responseRequestId", entry.responseRequestId());
    view.put("latencyMs", entry.latencyMs());
    view.put("body", entry.bodyText());
    view.put("bodyTruncated", entry.bodyTruncated());
    view.put("truncatedFields", entry.truncatedFields());
    return view;
  }

  static Map<String, Object> callback(CallbackAttempt attempt) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("deliveryId", attempt.deliveryId());
    view.put("streamRequestId", attempt.streamRequestId());
    view.put("kind", attempt.kind().name());
    view.put("contentType", attempt.contentType());
    view.put("target", attempt.target());
    view.put("attempt", attempt.attempt());
    view.put("at", time(attempt.at()));
    view.put("httpStatus", attempt.httpStatus());
    view.put("error", attempt.error());
    view.put("outcome", attempt.outcome().name());
    view.put("nextAttemptAt", time(attempt.nextAttemptAt()));
    view.put("payload", attempt.payload());
    return view;
  }

  /** ISO-8601 UTC with exactly three fraction digits, as admin-openapi.yaml's Timestamp pattern says. */
  private static final java.time.format.DateTimeFormatter TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

  static String time(Instant instant) {
    return instant == null ? null : TIME.format(instant);
  }
}
