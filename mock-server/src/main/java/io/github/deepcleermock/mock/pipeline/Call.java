package io.github.deepcleermock.mock.pipeline;

import io.github.deepcleermock.mock.accounts.AccountState;
import io.github.deepcleermock.mock.accounts.Operation;
import io.github.deepcleermock.mock.faults.TransportFault;

/**
 * One vendor request on its way through a pipeline: what earlier steps learned, for later steps to use. Each
 * endpoint extends it with its own fields.
 *
 * <p>Confined to the thread running the pipeline.
 */
public class Call {

  private final VendorRequest request;
  private final Operation operation;
  private String accessKey;
  private String requestId;
  private String faultKey;
  private AccountState account;
  private String faultId;
  private long delayNanos;
  private Lang lang = Lang.EN;

  protected Call(VendorRequest request, Operation operation) {
    this.request = request;
    this.operation = operation;
  }

  public VendorRequest request() {
    return request;
  }

  /** Which permission and which token bucket the request needs. */
  public Operation operation() {
    return operation;
  }

  public String accessKey() {
    return accessKey;
  }

  public void accessKey(String value) {
    this.accessKey = value;
  }

  /** The id the journal records: the close's requestId, or the task a submit opened or found. */
  public String requestId() {
    return requestId;
  }

  public void requestId(String value) {
    this.requestId = value;
  }

  /** What fault rules' {@code match.requestId} and magic values read: close's requestId, submit's data.tokenId. */
  public String faultKey() {
    return faultKey;
  }

  public void faultKey(String value) {
    this.faultKey = value;
  }

  /** The authorized account (set by {@link AuthorizeKey}). */
  public AccountState account() {
    return account;
  }

  void account(AccountState value) {
    this.account = value;
  }

  public String faultId() {
    return faultId;
  }

  void faultId(String value) {
    this.faultId = value;
  }

  public long delayNanos() {
    return delayNanos;
  }

  void delayNanos(long value) {
    this.delayNanos = value;
  }

  public Lang lang() {
    return lang;
  }

  public void lang(Lang value) {
    this.lang = value;
  }

  /** Answers {@code code} with its catalogue message in the call's language. */
  public Outcome answer(VendorCode code, String reason) {
    return answer(code.code(), code.message(lang), reason, false);
  }

  public Outcome answer(int code, String message, String reason, boolean unknownStream) {
    return new Outcome(
        code, message, reason, accessKey, requestId, unknownStream, faultId, delayNanos, null, false, null, null);
  }

  /** 1100 carrying the new task's id. */
  public Outcome opened(ResponseId taskId) {
    VendorCode ok = VendorCode.SUCCESS;
    return new Outcome(
        ok.code(), ok.message(lang), null, accessKey, taskId.hex(), false, faultId, delayNanos, null, false, taskId,
        null);
  }

  /** 1100 with {@code detail: {errorCode: 1001, dupRequestId}}: the stream is already moderated. */
  public Outcome duplicate(String dupRequestId, String reason) {
    VendorCode ok = VendorCode.SUCCESS;
    return new Outcome(
        ok.code(), ok.message(lang), reason, accessKey, dupRequestId, false, faultId, delayNanos, null, false, null,
        dupRequestId);
  }

  public Outcome invalid(String reason) {
    return answer(VendorCode.INVALID_PARAMETERS, reason);
  }

  /** 1902 and close the connection: the body was not read whole. */
  public Outcome invalidAndClose(String reason) {
    VendorCode code = VendorCode.INVALID_PARAMETERS;
    return new Outcome(
        code.code(), code.message(lang), reason, accessKey, requestId, false, faultId, delayNanos, null, true, null,
        null);
  }

  public Outcome breakTransport(TransportFault fault, String reason) {
    return new Outcome(0, null, reason, accessKey, requestId, false, faultId, delayNanos, fault, false, null, null);
  }
}
