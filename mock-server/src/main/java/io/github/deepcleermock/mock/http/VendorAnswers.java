package io.github.deepcleermock.mock.http;

import io.github.deepcleermock.mock.pipeline.ResponseId;
import io.github.deepcleermock.mock.pipeline.ResponseIds;
import io.github.deepcleermock.mock.journal.Journal;
import io.github.deepcleermock.mock.journal.JournalEntry;
import io.github.deepcleermock.mock.pipeline.VendorCode;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers in the vendor's format that every vendor path shares: the JSON answer with its reason header, the 1902
 * for a body that could not be read (too slow, badly framed, ended early), and the journal entry of each.
 */
final class VendorAnswers {

  static final String REASON_HEADER = "X-Mock-Reason";

  private VendorAnswers() {}

  /** Writes a vendor answer body with its headers. */
  static void write(
      Response response, int status, String reason, byte[] answer, boolean closeConnection, Callback callback) {
    response.setStatus(status);
    var headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, MediaTypes.JSON);
    if (reason != null) {
      headers.put(REASON_HEADER, reason);
    }
    headers.put(HttpHeader.CONTENT_LENGTH, answer.length);
    if (closeConnection) {
      headers.put(HttpHeader.CONNECTION, "close");
    }
    response.write(true, ByteBuffer.wrap(answer), callback);
  }

  /**
   * The client's body could not be read whole: 1902 with why and {@code Connection: close} (its framing is
   * unusable). Journaled once the answer is written, so a client whose connection failed is journaled as aborted,
   * with no code, rather than as answered.
   */
  static void refuseBody(
      Request request, Response response, Callback callback, ReceivedBody body, Journal journal, long arrived,
      long started) {
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    if (body.problem() == BodyProblem.ABORTED) {
      journal.record(entry(journal, arrived, method, path, null, body.reason(), null, started, body));
      callback.failed(new EofException(body.reason()));
      return;
    }
    VendorCode code = VendorCode.INVALID_PARAMETERS;
    ResponseId id = ResponseIds.nextId();
    byte[] answer = VendorAnswer.render(id, code.code(), code.message());
    String reason = body.reason();
    write(response, 200, reason, answer, true, Callback.from(
        () -> {
          journal.record(entry(journal, arrived, method, path, code.code(), reason, id, started, body));
          callback.succeeded();
        },
        failure -> {
          journal.record(entry(journal, arrived, method, path, null,
              "client aborted: the answer could not be written (" + reason + ")", null, started, body));
          callback.failed(failure);
        }));
  }

  /**
   * A vendor-looking path that is no endpoint, or a wrong method on one: the vendor's answer shape with 1902 and
   * the reason, HTTP 404 or 405, journaled like any vendor request.
   */
  static void stray(
      Request request, Response response, Callback callback, ReceivedBody body, Journal journal, long arrived,
      long started, int status, String reason) {
    if (body.problem() == BodyProblem.ABORTED) {
      refuseBody(request, response, callback, body, journal, arrived, started);
      return;
    }
    String full = body.complete() ? reason : reason + "; " + body.reason();
    VendorCode code = VendorCode.INVALID_PARAMETERS;
    ResponseId id = ResponseIds.nextId();
    journal.record(entry(journal, arrived, request.getMethod(), Request.getPathInContext(request), code.code(),
        full, id, started, body));
    if (status == 405) {
      response.getHeaders().put(HttpHeader.ALLOW, "POST");
    }
    write(response, status, full, VendorAnswer.render(id, code.code(), code.message()), !body.complete(),
        body.problem() == BodyProblem.TOO_LARGE ? LingeringClose.thenDrain(request, callback) : callback);
  }

  private static JournalEntry entry(
      Journal journal, long arrived, String method, String path, Integer code, String reason, ResponseId id,
      long started, ReceivedBody body) {
    return new JournalEntry(journal.claim(), arrived, method, path, null, null, code, reason, false, null, id,
        System.nanoTime() - started, Journal.keptBody(body.bytes(), body.length()),
        !body.complete() || body.length() > Journal.MAX_BODY_BYTES);
  }
}
