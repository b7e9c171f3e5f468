package io.github.deepcleermock.mock.pipeline;

/**
 * The catalogue of the vendor's documented result codes (submit and close) and their exact messages; nothing else in the mock writes
 * a code or a message.
 */
public enum VendorCode {
  SUCCESS(1100, "Success", "成功"),
  QPS_LIMIT_EXCEEDED(1901, "QPS limit exceeded", "QPS超限"),
  INVALID_PARAMETERS(1902, "Invalid parameters", "参数不合法"),
  SERVICE_FAILURE(1903, "Service failure", "服务失败"),
  STREAM_COUNT_LIMIT_EXCEEDED(1904, "Stream count limit exceeded", "流路数超限"),
  UNAUTHORIZED_OPERATION(9101, "Unauthorized operation", "无权限操作");

  /** The message for an injected code the vendor does not document and the rule gave none for. */
  public static final String UNDOCUMENTED_MESSAGE = "Unknown error";

  private final int code;
  private final String message;
  private final String chinese;

  VendorCode(int code, String message, String chinese) {
    this.code = code;
    this.message = message;
    this.chinese = chinese;
  }

  public int code() {
    return code;
  }

  public String message() {
    return message;
  }

  /** The message in {@code lang}: the Chinese texts are the vendor's own (reference 1.2). */
  public String message(Lang lang) {
    return lang == Lang.ZH ? chinese : message;
  }

  /** The documented code with this value, or null. */
  public static VendorCode find(int code) {
    for (VendorCode known : values()) {
      if (known.code == code) {
        return known;
      }
    }
    return null;
  }

  /** The message for any code: the catalogue's for documented ones. */
  public static String messageFor(int code) {
    VendorCode known = find(code);
    return known == null ? UNDOCUMENTED_MESSAGE : known.message;
  }
}
