package io.github.deepcleermock.mock.http;

import io.github.deepcleermock.mock.close.CloseOutcome;
import io.github.deepcleermock.mock.close.ClosePipeline;
import io.github.deepcleermock.mock.close.CloseRequest;
import io.github.deepcleermock.mock.close.ResponseIds;
import io.github.deepcleermock.mock.close.ResultCode;
import io.github.deepcleermock.mock.journal.Journal;
import io.github.deepcleermock.mock.journal.JournalEntry;
import io.github.deepcleermock.mock.time.TimeSource;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /finish_videostream/v4}: reads the body, runs the pipeline, journals the exchange and writes the
 * vendor's answer (always HTTP 200 unless a transport fault was asked for). Javalin stays here; the pipeline
 * sees plain values.
 */
final class CloseEndpoint implements Handler {

  static final String PATH = "/finish_videostream/v4";
  static final String REASON_HEADER = "X-Mock-Reason";
  private static final String CONTENT_TYPE = "application/json;charset=utf-8";
  private static final Logger LOG = LoggerFactory.getLogger(CloseEndpoint.class);

  private final ClosePipeline pipeline;
  private final Journal journal;
  private final TimeSource time;
  private final DelayedAnswers delayed;

  CloseEndpoint(ClosePipeline pipeline, Journal journal, TimeSource time, DelayedAnswers delayed) {
    this.pipeline = pipeline;
    this.journal = journal;
    this.time = time;
    this.delayed = delayed;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    long started = System.nanoTime();
    Instant arrived = time.now();
    CloseRequest request;
    CloseOutcome outcome;
    try {
      request = BodyReader.read(ctx.req().getContentLengthLong(), ctx.req().getInputStream());
      outcome = pipeline.close(request);
    } catch (IOException e) {
      request = CloseRequest.of(new byte[0]);
      outcome = failure("body could not be read: " + e.getClass().getSimpleName());
    } catch (RuntimeException e) {
      // A bug in the mock must still look like the vendor: 1903, never an HTTP 500 with a stack trace.
      LOG.warn("Close request failed inside the mock; answering 1903", e);
      request = CloseRequest.of(new byte[0]);
      outcome = failure("mock internal error: " + e.getClass().getSimpleName());
    }
    String responseId = ResponseIds.next();
    long latency = System.nanoTime() - started;
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
            latency,
            Journal.keptBody(request.body(), request.length()),
            request.tooLarge() || request.length() > Journal.MAX_BODY_BYTES));
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "close accessKey={} requestId={} -> {} ({})",
          LogMasks.accessKey(outcome.accessKey()),
          outcome.requestId(),
          outcome.answers() ? outcome.code() : outcome.transportFault(),
          outcome.reason());
    }
    if (outcome.delayNanos() > 0) {
      CloseOutcome decided = outcome;
      CompletableFuture<Void> due = new CompletableFuture<>();
      delayed.hold(outcome.delayNanos(), () -> due.complete(null));
      // The write hangs off the future Javalin gets only after the request went async, so it never races this
      // thread for the response, whether the delay ends before or after.
      ctx.future(
          () ->
              due.thenRun(
                  () -> {
                    try {
                      respond(ctx, decided, responseId);
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  }));
      return;
    }
    respond(ctx, outcome, responseId);
    if (outcome.closeConnection()) {
      LingeringClose.drain(ctx);
    }
  }

  private static void respond(Context ctx, CloseOutcome outcome, String responseId) throws IOException {
    if (!outcome.answers()) {
      TransportFaults.apply(ctx, outcome.transportFault());
      return;
    }
    HttpServletResponse res = ctx.res();
    res.setStatus(200);
    res.setContentType(CONTENT_TYPE);
    if (outcome.reason() != null) {
      res.setHeader(REASON_HEADER, outcome.reason());
    }
    if (outcome.closeConnection()) {
      res.setHeader("Connection", "close");
    }
    byte[] body = CloseAnswer.render(responseId, outcome.code(), outcome.message());
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }

  private static CloseOutcome failure(String reason) {
    ResultCode code = ResultCode.SERVICE_FAILURE;
    return new CloseOutcome(code.code(), code.message(), reason, null, null, false, null, 0, null, false);
  }
}
