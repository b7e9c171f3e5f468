package io.github.deepcleermock.mock.http;

import io.github.deepcleermock.mock.close.CloseFields;
import io.github.deepcleermock.mock.journal.Journal;
import io.github.deepcleermock.mock.time.TimeSource;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The mock's front door, a Jetty core handler before Javalin's servlet: it serves the vendor paths itself and reads
 * every other body before Javalin sees it.
 *
 * <ul>
 *   <li>{@code POST /videostream/v4} and {@code POST /finish_videostream/v4}: the submit and close endpoints.
 *   <li>Any other path under {@code /finish_videostream} or {@code /videostream} (a trailing slash, another
 *       version, a wrong method): the vendor's answer shape with 1902, HTTP 404 (405 for a wrong method on an
 *       endpoint's path), journaled. A client that misses the endpoint sees what a vendor-side mistake looks like.
 *   <li>Everything else (the admin API, unknown paths) goes on to Javalin, with its body already read by the same
 *       non-blocking reader (admin limit), so no slow sender holds a servlet thread either.
 * </ul>
 */
final class EdgeHandler extends Handler.Wrapper {

  /** Admin bodies: the largest a real admin call needs is a fault rule or a stream with its data. */
  static final int ADMIN_MAX_BODY_BYTES = 1024 * 1024;

  private final VendorEndpoint submit;
  private final VendorEndpoint close;
  private final Journal journal;
  private final TimeSource time;
  private final BodyReader vendorBodies;
  private final BodyReader otherBodies;

  EdgeHandler(VendorEndpoint submit, VendorEndpoint close, Journal journal, TimeSource time) {
    this.submit = submit;
    this.close = close;
    this.journal = journal;
    this.time = time;
    this.vendorBodies = new BodyReader(CloseFields.MAX_BODY_BYTES, BodyReader.DEFAULT_DEADLINE_NANOS, time);
    this.otherBodies = new BodyReader(ADMIN_MAX_BODY_BYTES, BodyReader.DEFAULT_DEADLINE_NANOS, time);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    if (VendorPaths.isVendorLooking(path)) {
      boolean post = HttpMethod.POST.is(request.getMethod());
      if (post && VendorEndpoint.CLOSE_PATH.equals(path)) {
        close.serve(request, response, callback);
      } else if (post && VendorEndpoint.SUBMIT_PATH.equals(path)) {
        submit.serve(request, response, callback);
      } else {
        long started = System.nanoTime();
        long arrived = time.epochNanos();
        int status = VendorPaths.isEndpoint(path) ? 405 : 404;
        String reason = status == 405
            ? "method: only POST is allowed on " + path
            : "path: no such endpoint; the vendor's paths are " + VendorPaths.describe();
        vendorBodies.read(request, body ->
            VendorAnswers.stray(request, response, callback, body, journal, arrived, started, status, reason));
      }
      return true;
    }
    if (!hasBody(request)) {
      return super.handle(request, response, callback);
    }
    otherBodies.read(request, body -> forward(request, response, callback, body));
    return true;
  }

  private void forward(Request request, Response response, Callback callback, ReceivedBody body) {
    if (!body.complete()) {
      refuse(request, response, callback, body);
      return;
    }
    try {
      if (!super.handle(new BufferedRequest(request, body), response, callback)) {
        JsonErrors.write(response, callback, 404, "path: no such endpoint", false);
      }
    } catch (Throwable e) {
      callback.failed(e);
    }
  }

  /** A non-vendor body that could not be read: a JSON error naming the body, and the connection closes. */
  private static void refuse(Request request, Response response, Callback callback, ReceivedBody body) {
    switch (body.problem()) {
      case TOO_LARGE -> JsonErrors.write(response, LingeringClose.thenDrain(request, callback), 413,
          "body: exceeds " + body.limit() + " bytes", true);
      case TOO_SLOW -> JsonErrors.write(response, callback, 408, "body: " + body.reason(), true);
      case BAD_FRAMING, ENDED_EARLY -> JsonErrors.write(response, callback, 400, "body: " + body.reason(), true);
      case ABORTED -> callback.failed(new EofException(body.reason()));
    }
  }

  private static boolean hasBody(Request request) {
    return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
  }
}
