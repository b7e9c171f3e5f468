package io.github.deepcleermock.mock.http;

import io.github.deepcleermock.mock.close.CloseFields;
import io.github.deepcleermock.mock.close.CloseOutcome;
import io.github.deepcleermock.mock.close.ClosePipeline;
import io.github.deepcleermock.mock.close.CloseRequest;
import io.github.deepcleermock.mock.close.ResponseId;
import io.github.deepcleermock.mock.close.ResponseIds;
import io.github.deepcleermock.mock.journal.Journal;
import io.github.deepcleermock.mock.journal.JournalEntry;
import io.github.deepcleermock.mock.pipeline.VendorCode;
import io.github.deepcleermock.mock.time.TimeSource;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /finish_videostream/v4}: reads the body, runs the pipeline, journals the exchange and writes the
 * vendor's answer (always HTTP 200 unless a transport fault was asked for).
 *
 * <p>Served from a Jetty core handler ({@link EdgeHandler}) in front of Javalin's servlet, not a Javalin route: on
 * this hot path the servlet layer cost about half the throughput (measured: bare Javalin route 48% of a raw Jetty
 * handler), and a core handler reads bodies and completes delayed answers without holding a thread.
 */
final class CloseEndpoint {

  static final String PATH = "/finish_videostream/v4";
  static final String REASON_HEADER = VendorAnswers.REASON_HEADER;
  private static final Logger LOG = LoggerFactory.getLogger(CloseEndpoint.class);

  private final ClosePipeline pipeline;
  private final Journal journal;
  private final TimeSource time;
  private final DelayedAnswers delayed;
  private final BodyReader bodies;

  CloseEndpoint(ClosePipeline pipeline, Journal journal, TimeSource time, DelayedAnswers delayed) {
    this.pipeline = pipeline;
    this.journal = journal;
    this.time = time;
    this.delayed = delayed;
    this.bodies = new BodyReader(CloseFields.MAX_BODY_BYTES, BodyReader.DEFAULT_DEADLINE_NANOS, time);
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
    CloseRequest closeRequest =
        body.complete()
            ? new CloseRequest(body.bytes(), body.length(), false)
            : CloseRequest.tooLarge(body.bytes(), body.length());
    CloseOutcome outcome;
    try {
      outcome = pipeline.close(closeRequest);
    } catch (RuntimeException e) {
      // A bug in the mock must still look like the vendor: 1903, never an HTTP 500 with a stack trace.
      LOG.warn("Close request failed inside the mock; answering 1903", e);
      outcome = failure("mock internal error: " + e.getClass().getSimpleName());
    }
    ResponseId responseId = ResponseIds.nextId();
    journal.record(
        new JournalEntry(
            journal.claim(),
            arrived,
            "POST",
            PATH,
            outcome.accessKey(),
            outcome.requestId(),
            outcome.answers() ? outcome.code() : null,
            outcome.reason(),
            outcome.unknownStream(),
            outcome.faultId(),
            outcome.answers() ? responseId : null,
            System.nanoTime() - started,
            Journal.keptBody(closeRequest.body(), closeRequest.length()),
            closeRequest.tooLarge() || closeRequest.length() > Journal.MAX_BODY_BYTES));
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "close accessKey={} requestId={} -> {} ({})",
          LogMasks.accessKey(outcome.accessKey()),
          LogMasks.value(outcome.requestId()),
          outcome.answers() ? outcome.code() : outcome.transportFault(),
          outcome.reason());
    }
    CloseOutcome decided = outcome;
    if (decided.delayNanos() > 0) {
      // Returning with the callback still open is how a core handler goes async: no thread waits.
      delayed.hold(
          decided.delayNanos(), () -> respond(request, response, callback, decided, responseId));
    } else {
      respond(request, response, callback, decided, responseId);
    }
  }

  private void respond(
      Request request, Response response, Callback callback, CloseOutcome outcome, ResponseId responseId) {
    if (!outcome.answers()) {
      TransportFaults.apply(request, response, callback, outcome.transportFault());
      return;
    }
    byte[] answer = CloseAnswer.render(responseId, outcome.code(), outcome.message());
    if (outcome.closeConnection()) {
      // Only an oversized body closes the connection here: the rest of it is drained so the close sends no RST.
      VendorAnswers.write(response, 200, outcome.reason(), answer, true,
          LingeringClose.thenDrain(request, callback));
      return;
    }
    VendorAnswers.write(response, 200, outcome.reason(), answer, false, callback);
  }

  private static CloseOutcome failure(String reason) {
    VendorCode code = VendorCode.SERVICE_FAILURE;
    return new CloseOutcome(code.code(), code.message(), reason, null, null, false, null, 0, null, false);
  }
}
