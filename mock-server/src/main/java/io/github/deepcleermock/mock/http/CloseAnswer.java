package io.github.deepcleermock.mock.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.github.deepcleermock.mock.close.ResponseId;
import io.github.deepcleermock.mock.pipeline.VendorCode;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Renders the vendor's answer body {@code {"requestId":…,"code":…,"message":…}} without a JSON mapper: the
 * catalogue's parts are encoded once, so the hot path only copies bytes.
 */
final class CloseAnswer {

  private static final byte[] PREFIX = "{\"requestId\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final Map<VendorCode, byte[]> SUFFIXES = new EnumMap<>(VendorCode.class);

  static {
    for (VendorCode code : VendorCode.values()) {
      SUFFIXES.put(code, suffix(code.code(), code.message()));
    }
  }

  private CloseAnswer() {}

  static byte[] render(ResponseId responseId, int code, String message) {
    VendorCode known = VendorCode.find(code);
    byte[] suffix =
        known != null && known.message().equals(message) ? SUFFIXES.get(known) : suffix(code, message);
    byte[] out = new byte[PREFIX.length + ResponseId.LENGTH + suffix.length];
    System.arraycopy(PREFIX, 0, out, 0, PREFIX.length);
    responseId.writeTo(out, PREFIX.length);
    System.arraycopy(suffix, 0, out, PREFIX.length + ResponseId.LENGTH, suffix.length);
    return out;
  }

  private static byte[] suffix(int code, String message) {
    String quoted = new String(JsonStringEncoder.getInstance().quoteAsString(message));
    return ("\",\"code\":" + code + ",\"message\":\"" + quoted + "\"}").getBytes(StandardCharsets.UTF_8);
  }
}
