package io.github.deepcleermock.mock.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.github.deepcleermock.mock.pipeline.Lang;
import io.github.deepcleermock.mock.pipeline.ResponseId;
import io.github.deepcleermock.mock.pipeline.VendorCode;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Renders the vendor's answer body {@code {"requestId":…,"code":…,"message":…}} (plus a duplicate submit's
 * {@code detail}) without a JSON mapper: the catalogue's parts are encoded once, so the hot path only copies bytes.
 */
final class VendorAnswer {

  private static final byte[] PREFIX = "{\"requestId\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final Map<VendorCode, byte[]> SUFFIXES = new EnumMap<>(VendorCode.class);
  private static final Map<VendorCode, byte[]> CHINESE_SUFFIXES = new EnumMap<>(VendorCode.class);

  static {
    for (VendorCode code : VendorCode.values()) {
      SUFFIXES.put(code, suffix(code.code(), code.message()));
      CHINESE_SUFFIXES.put(code, suffix(code.code(), code.message(Lang.ZH)));
    }
  }

  private VendorAnswer() {}

  static byte[] render(ResponseId responseId, int code, String message) {
    VendorCode known = VendorCode.find(code);
    byte[] suffix;
    if (known != null && known.message().equals(message)) {
      suffix = SUFFIXES.get(known);
    } else if (known != null && known.message(Lang.ZH).equals(message)) {
      suffix = CHINESE_SUFFIXES.get(known);
    } else {
      suffix = suffix(code, message);
    }
    byte[] out = new byte[PREFIX.length + ResponseId.LENGTH + suffix.length];
    System.arraycopy(PREFIX, 0, out, 0, PREFIX.length);
    responseId.writeTo(out, PREFIX.length);
    System.arraycopy(suffix, 0, out, PREFIX.length + ResponseId.LENGTH, suffix.length);
    return out;
  }

  /** The answer to a duplicate submit: the message's answer with {@code detail {errorCode, dupRequestId}}. */
  static byte[] renderDuplicate(ResponseId responseId, int code, String message, String dupRequestId) {
    byte[] plain = render(responseId, code, message);
    String detail =
        ",\"detail\":{\"errorCode\":" + io.github.deepcleermock.mock.pipeline.Outcome.DUPLICATE_ERROR_CODE
            + ",\"dupRequestId\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(dupRequestId))
            + "\"}}";
    byte[] tail = detail.getBytes(StandardCharsets.UTF_8);
    byte[] out = java.util.Arrays.copyOf(plain, plain.length - 1 + tail.length);
    System.arraycopy(tail, 0, out, plain.length - 1, tail.length);
    return out;
  }

  private static byte[] suffix(int code, String message) {
    String quoted = new String(JsonStringEncoder.getInstance().quoteAsString(message));
    return ("\",\"code\":" + code + ",\"message\":\"" + quoted + "\"}").getBytes(StandardCharsets.UTF_8);
  }
}
