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
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /videostream/v4} and {@code POST /finish_videostream/v4}: reads the body (up to the endpoint's limit),
 * runs the endpoint's pipeline, journals the exchange and writes the vendor's answer (always HTTP 200 unless a
 * transport fault was asked for). Both endpoints share this one path; only the limit and the pipeline differ.
 *
 * <p>A Jetty core handler placed in front of Javalin's servlet (through Javalin's {@code jetty.modifyServer}),
 * not a Javalin route: on this hot path the servlet layer cost about half the throughput (measured: bare Javalin
 * route 48% of a raw Jetty handler), and a core handler also completes delayed answers from any thread by design.
 * Every other request, wrong methods on this path included, goes on to Javalin.
 */
final class VendorEndpoints extends Handler.Wrapper {

  static final String CLOSE_PATH = "/finish_videostream/v4";
  static final String SUBMIT_PATH = "/videostream/v4";
  static final String REASON_HEADER = "X-Mock-Reason";
  private static final String CONTENT_TYPE = "application/json;charset=utf-8";
  private static final Logger LOG = LoggerFactory.getLogger(VendorEndpoints.class);

  /** One vendor endpoint: its path, its body limit and its pipeline. */
  private record Endpoint(String path, int maxBodyBytes, Function<VendorRequest, Outcome> pipeline) {}

  private final Endpoint close;
  private final Endpoint submit;
  private final Journal journal;
  private final TimeSource time;
  private final DelayedAnswers delayed;

  VendorEndpoints(
      ClosePipeline closePipeline,
      SubmitPipeline submitPipeline,
      Journal journal,
      TimeSource time,
      DelayedAnswers delayed) {
    this.close = new Endpoint(CLOSE_PATH, CloseFields.MAX_BODY_BYTES, closePipeline::close);
    this.submit = new Endpoint(SUBMIT_PATH, SubmitFields.MAX_BODY_BYTES, submitPipeline::submit);
    this.journal = journal;
    this.time = time;
    this.delayed = delayed;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!HttpMethod.POST.is(request.getMethod())) {
      return super.handle(request, response, callback);
    }
    String path = Request.getPathInContext(request);
    if (CLOSE_PATH.equals(path)) {
      return serve(close, request, response, callback);
    }
    if (SUBMIT_PATH.equals(path)) {
      return serve(submit, request, response, callback);
    }
    return super.handle(request, response, callback);
  }

  private boolean serve(Endpoint endpoint, Request request, Response response, Callback callback) {
    long started = System.nanoTime();
    long arrived = time.epochNanos();
    VendorRequest body;
    Outcome outcome;
    try {
      body = BodyReader.read(request.getLength(), Content.Source.asInputStream(request), endpoint.maxBodyBytes());
      outcome = endpoint.pipeline().apply(body);
    } catch (IOException e) {
      body = VendorRequest.of(new byte[0]);
      outcome = failure("body could not be read: " + e.getClass().getSimpleName());
    } catch (RuntimeException e) {
      // A bug in the mock must still look like the vendor: 1903, never an HTTP 500 with a stack trace.
      LOG.warn("Request to {} failed inside the mock; answering 1903", endpoint.path(), e);
      body = VendorRequest.of(new byte[0]);
      outcome = failure("mock internal error: " + e.getClass().getSimpleName());
    }
    ResponseId responseId = outcome.answerIdOr(ResponseIds.nextId());
    journal.record(
        new JournalEntry(
            journal.claim(),
            arrived,
            "POST",
            endpoint.path(),
            outcome.accessKey(),
            outcome.requestId(),
            outcome.answers() ? outcome.code() : null,
            outcome.reason(),
            outcome.unknownStream(),
            outcome.faultId(),
            outcome.answers() ? responseId : null,
            System.nanoTime() - started,
            Journal.keptBody(body.body(), body.length()),
            body.tooLarge() || body.length() > Journal.MAX_BODY_BYTES));
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} accessKey={} requestId={} -> {} ({})",
          endpoint.path(),
          LogMasks.accessKey(outcome.accessKey()),
          outcome.requestId(),
          outcome.answers() ? outcome.code() : outcome.transportFault(),
          outcome.reason());
    }
    Outcome decided = outcome;
    if (decided.delayNanos() > 0) {
      // Returning true with the callback still open is how a core handler goes async: no thread waits.
      delayed.hold(decided.delayNanos(), () -> respond(request, response, callback, decided, responseId));
    } else {
      respond(request, response, callback, decided, responseId);
    }
    return true;
  }

  private static void respond(
      Request request, Response response, Callback callback, Outcome outcome, ResponseId responseId) {
    if (!outcome.answers()) {
      TransportFaults.apply(request, response, callback, outcome.transportFault());
      return;
    }
    response.setStatus(200);
    var headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
    if (outcome.reason() != null) {
      headers.put(REASON_HEADER, outcome.reason());
    }
    byte[] answer =
        outcome.dupRequestId() == null
            ? VendorAnswer.render(responseId, outcome.code(), outcome.message())
            : VendorAnswer.renderDuplicate(responseId, outcome.code(), outcome.message(), outcome.dupRequestId());
    headers.put(HttpHeader.CONTENT_LENGTH, answer.length);
    if (outcome.closeConnection()) {
      headers.put(HttpHeader.CONNECTION, "close");
      response.write(true, ByteBuffer.wrap(answer), LingeringClose.thenDrain(request, callback));
      return;
    }
    response.write(true, ByteBuffer.wrap(answer), callback);
  }

  private static Outcome failure(String reason) {
    VendorCode code = VendorCode.SERVICE_FAILURE;
    return new Outcome(code.code(), code.message(), reason, null, null, false, null, 0, null, false, null, null);
  }
}
