package io.github.deepcleermock.mock.submit;

import java.util.List;

/**
 * The limits and vocabularies of the submit body (reference §3.1–3.3). Lengths mirror {@code maxLength} in the
 * spec (a test proves it) and are counted in Unicode code points.
 */
public final class SubmitFields {

  public static final int ACCESS_KEY_MAX_LENGTH = 20;
  public static final int APP_ID_MAX_LENGTH = 64;
  public static final int EVENT_ID_MAX_LENGTH = 64;
  public static final int IMG_TYPE_MAX_LENGTH = 64;
  public static final int IMG_BUSINESS_TYPE_MAX_LENGTH = 128;
  public static final int AUDIO_TYPE_MAX_LENGTH = 64;
  public static final int AUDIO_BUSINESS_TYPE_MAX_LENGTH = 128;
  public static final int CALLBACK_MAX_LENGTH = 1024;
  public static final int URL_MAX_LENGTH = 600;
  public static final int TOKEN_ID_MAX_LENGTH = 64;
  public static final int ROOM_MAX_LENGTH = 64;
  /** {@code data} serialized as JSON: the vendor's "1 MB". */
  public static final int MAX_DATA_BYTES = 1024 * 1024;
  /** {@code data.extra.passThrough} serialized as JSON. */
  public static final int MAX_PASS_THROUGH_BYTES = 1024;
  /** The data limit plus 64 KiB for the envelope; larger bodies are refused unread. */
  public static final int MAX_BODY_BYTES = MAX_DATA_BYTES + 64 * 1024;
  public static final int MAX_DETECT_FREQUENCY = 60;
  public static final int MAX_AUDIO_DETECT_STEP = 36;

  /** Image types: the current names, then the legacy ones (reference §3.1). */
  public static final List<String> IMG_TYPES =
      List.of("POLITY", "EROTIC", "VIOLENT", "QRCODE", "ADVERT", "IMGTEXTRISK",
          "POLITICS", "VIOLENCE", "BAN", "PORN", "AD", "SPAM", "OCR");
  /** Audio types of EN-REQ and of the older docs; NONE moderates no audio. */
  public static final List<String> AUDIO_TYPES =
      List.of("POLITY", "EROTIC", "ADVERT", "BAN", "VIOLENT", "DIRTY", "ADLAW", "MOAN", "AUDIOPOLITICAL", "ANTHEN",
          "BANEDAUDIO", "NONE", "POLITICAL", "PORN", "AD", "ABUSE");
  public static final List<String> AUDIO_BUSINESS_TYPES =
      List.of("SING", "LANGUAGE", "MINOR", "GENDER", "TIMBRE", "VOICE", "AUDIOSCENE", "AGE", "APPNAME");
  public static final List<String> STREAM_TYPES = List.of("NORMAL", "AGORA", "TRTC", "ZEGO", "VOLC", "ALI");

  private SubmitFields() {}
}
