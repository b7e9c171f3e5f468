package io.github.deepcleermock.mock.http;

import io.github.deepcleermock.mock.close.CloseFields;
import io.github.deepcleermock.mock.close.ClosePipeline;
import io.github.deepcleermock.mock.journal.Journal;
import io.github.deepcleermock.mock.journal.JournalEntry;
import io.github.deepcleermock.mock.pipeline.Outcome;
import io.github.deepcleermock.mock.pipeline.ResponseId;
import io.github.deepcleermock.mock.pipeline.ResponseIds;
import io.github.deepcleermock.mock.pipeline.VendorCode;
import io.github.deepcleermock.mock.pipeline.VendorRequest;
import io.github.deepcleermock.mock.submit.SubmitFields;
import io.github.deepcleermock.mock.submit.SubmitPipeline;
import io.github.deepcleermock.mock.time.TimeSource;
import java.util.function.Function;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One vendor endpoint ({@code POST /videostream/v4} or {@code POST /finish_videostream/v4}): reads the body up to
 * the endpoint's limit, runs its pipeline, journals the exchange and writes the vendor's answer (always HTTP 200
 * unless a transport fault was asked for). Both endpoints are this one class; only path, limit and pipeline differ.
 *
 * <p>Served from a Jetty core handler ({@link EdgeHandler}) in front of Javalin's servlet, not a Javalin route: on
 * this hot path the servlet layer cost about half the throughput (measured: bare Javalin route 48% of a raw Jetty
 * handler), and a core handler reads bodies and completes delayed answers without holding a thread.
 */
final class VendorEndpoint {

  static final String CLOSE_PATH = "/finish_videostream/v4";
  static final String SUBMIT_PATH = "/videostream/v4";
  static final String REASON_HEADER = VendorAnswers.REASON_HEADER;
  private static final Logger LOG = LoggerFactory.getLogger(VendorEndpoint.class);

  private final String path;
  private final Function<VendorRequest, Outcome> pipeline;
  private final Journal journal;
  private final TimeSource time;
  private final DelayedAnswers delayed;
  private final BodyReader bodies;

  private VendorEndpoint(
      String path,
      int maxBodyBytes,
      Function<VendorRequest, Outcome> pipeline,
      Journal journal,
      TimeSource time,
      DelayedAnswers delayed) {
    this.path = path;
    this.pipeline = pipeline;
    this.journal = journal;
    this.time = time;
    this.delayed = delayed;
    this.bodies = new BodyReader(maxBodyBytes, BodyReader.DEFAULT_DEADLINE_NANOS, time);
  }

  /** The close endpoint: bodies up to 64 KiB. */
  static VendorEndpoint close(ClosePipeline pipeline, Journal journal, TimeSource time, DelayedAnswers delayed) {
    return new VendorEndpoint(CLOSE_PATH, CloseFields.MAX_BODY_BYTES, pipeline::close, journal, time, delayed);
  }

  /** The submit endpoint: bodies up to 1 MiB + 64 KiB. */
  static VendorEndpoint submit(SubmitPipeline pipeline, Journal journal, TimeSource time, DelayedAnswers delayed) {
    return new VendorEndpoint(SUBMIT_PATH, SubmitFields.MAX_BODY_BYTES, pipeline::submit, journal, time, delayed);
  }

  String path() {
    return path;
  }

  void serve(Request request, Response response, Callback callback) {
    long started = System.nanoTime();
    long arrived = time.epochNanos();
    bodies.read(request, body -> decide(request, response, callback, body, started, arrived));
  }

  private void decide(
      Request request, Response response, Callback callback, ReceivedBody body, long started, long arrived) {
    if (!body.complete() && body.problem() != BodyProblem.TOO_LARGE) {
      VendorAnswers.refuseBody(request, response, callback, body, journal, arrived, started);
      return;
    }
    VendorRequest vendorRequest =
        body.complete()
            ? new VendorRequest(body.bytes(), body.length(), false)
            : VendorRequest.tooLarge(body.bytes(), body.length());
    Outcome outcome;
    try {
      outcome = pipeline.apply(vendorRequest);
    } catch (RuntimeException e) {
      // A bug in the mock must still look like the vendor: 1903, never an HTTP 500 with a stack trace.
      LOG.warn("Request to {} failed inside the mock; answering 1903", path, e);
      outcome = failure("mock internal error: " + e.getClass().getSimpleName());
    }
    ResponseId responseId = outcome.answerIdOr(ResponseIds.nextId());
    journal.record(
        new JournalEntry(
            journal.claim(),
            arrived,
            "POST",
            path,
            outcome.accessKey(),
            outcome.requestId(),
            outcome.answers() ? outcome.code() : null,
            outcome.reason(),
            outcome.unknownStream(),
            outcome.faultId(),
            outcome.answers() ? responseId : null,
            System.nanoTime() - started,
            Journal.keptBody(vendorRequest.body(), vendorRequest.length()),
            vendorRequest.tooLarge() || vendorRequest.length() > Journal.MAX_BODY_BYTES));
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} accessKey={} requestId={} -> {} ({})",
          path,
          LogMasks.accessKey(outcome.accessKey()),
          LogMasks.value(outcome.requestId()),
          outcome.answers() ? outcome.code() : outcome.transportFault(),
          outcome.reason());
    }
    Outcome decided = outcome;
    if (decided.delayNanos() > 0) {
      // Returning with the callback still open is how a core handler goes async: no thread waits.
      delayed.hold(
          decided.delayNanos(), () -> respond(request, response, callback, decided, responseId));
    } else {
      respond(request, response, callback, decided, responseId);
    }
  }

  private static void respond(
      Request request, Response response, Callback callback, Outcome outcome, ResponseId responseId) {
    if (!outcome.answers()) {
      TransportFaults.apply(request, response, callback, outcome.transportFault());
      return;
    }
    byte[] answer =
        outcome.dupRequestId() == null
            ? VendorAnswer.render(responseId, outcome.code(), outcome.message())
            : VendorAnswer.renderDuplicate(responseId, outcome.code(), outcome.message(), outcome.dupRequestId());
    if (outcome.closeConnection()) {
      // Only an oversized body closes the connection here: the rest of it is drained so the close sends no RST.
      VendorAnswers.write(response, 200, outcome.reason(), answer, true,
          LingeringClose.thenDrain(request, callback));
      return;
    }
    VendorAnswers.write(response, 200, outcome.reason(), answer, false, callback);
  }

  private static Outcome failure(String reason) {
    VendorCode code = VendorCode.SERVICE_FAILURE;
    return new Outcome(code.code(), code.message(), reason, null, null, false, null, 0, null, false, null, null);
  }
}
