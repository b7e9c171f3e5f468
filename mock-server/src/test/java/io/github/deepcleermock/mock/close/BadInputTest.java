package io.github.deepcleermock.mock.close;

import io.github.deepcleermock.mock.pipeline.Outcome;
import io.github.deepcleermock.mock.pipeline.VendorRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.deepcleermock.mock.accounts.Account;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed close body answers 1902 "Invalid parameters" with a reason that names the problem, is pure ASCII
 * and never quotes the input. The table is the bad-input list; the pipeline runs without HTTP.
 */
class BadInputTest {

  /** Planted in bad bodies: a reason that quotes the input would contain it. */
  private static final String SECRET = "SECRETVALUE";
  private static final String EMOJI = "\uD83D\uDE00"; // one character, two UTF-16 units, four UTF-8 bytes
  private static final String GOOD_KEY = "\"accessKey\":\"" + PipelineFixture.KEY + "\"";
  private static final String GOOD_ID = "\"requestId\":\"stream-1\"";

  private final PipelineFixture fixture = new PipelineFixture();

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void malformedBodyAnswersInvalidParametersWithAnAsciiReason(String name, byte[] body, String expectedReason) {
    Outcome outcome = fixture.pipeline.close(VendorRequest.of(body));

    assertInvalid(outcome, expectedReason);
    assertThat(outcome.closeConnection()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void malformedBodyNeitherSpendsATokenNorTouchesAStream(String name, byte[] body, String expectedReason) {
    fixture.accounts.put(Account.of(PipelineFixture.KEY).withQps(1));
    fixture.open("stream-1");

    fixture.pipeline.close(VendorRequest.of(body));

    assertThat(fixture.close(PipelineFixture.KEY, "stream-1").code()).isEqualTo(1100);
    assertThat(fixture.closedStreams).hasSize(1);
  }

  static Stream<Arguments> badBodies() {
    List<Arguments> cases = new ArrayList<>();
    cases.add(arguments("empty body", bytes(""), "body is empty"));
    cases.add(arguments("whitespace-only body", bytes(" \n\t "), "body is only whitespace"));
    cases.add(arguments("null body", bytes("null"), "body is a JSON null, not an object"));
    cases.add(arguments("array body", bytes("[\"" + SECRET + "\"]"), "body is a JSON array, not an object"));
    cases.add(arguments("string body", bytes("\"" + SECRET + "\""), "body is a JSON string, not an object"));
    cases.add(arguments("number body", bytes("12345"), "body is a JSON number, not an object"));
    cases.add(arguments("boolean body", bytes("true"), "body is a JSON boolean, not an object"));
    cases.add(arguments("truncated object", bytes("{" + GOOD_KEY + ",\"requestId\":\"" + SECRET), "body is not valid JSON"));
    cases.add(arguments("unquoted value", bytes("{\"accessKey\":" + SECRET + "," + GOOD_ID + "}"), "body is not valid JSON"));
    cases.add(arguments("trailing comma", bytes("{" + GOOD_KEY + "," + GOOD_ID + ",}"), "body is not valid JSON"));
    cases.add(arguments("missing comma", bytes("{" + GOOD_KEY + " " + GOOD_ID + "}"), "body is not valid JSON"));
    cases.add(arguments("single quotes", bytes("{'accessKey':'" + SECRET + "'}"), "body is not valid JSON"));
    cases.add(arguments("content after the object", bytes("{" + GOOD_KEY + "," + GOOD_ID + "} " + SECRET), "body is not valid JSON"));
    cases.add(arguments("second object", bytes("{" + GOOD_KEY + "," + GOOD_ID + "}{}"), "body is not valid JSON"));
    cases.add(arguments("form-encoded body", bytes("accessKey=" + SECRET + "&requestId=r"), "body is not valid JSON"));
    cases.add(arguments("invalid UTF-8 byte 0xFF", withBytes("{\"accessKey\":\"", new byte[] {(byte) 0xFF}, "\"," + GOOD_ID + "}"), "body is not valid UTF-8"));
    cases.add(arguments("invalid UTF-8 overlong encoding", withBytes("{\"accessKey\":\"", new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"," + GOOD_ID + "}"), "body is not valid UTF-8"));
    cases.add(arguments("invalid UTF-8 encoded surrogate", withBytes("{\"accessKey\":\"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"," + GOOD_ID + "}"), "body is not valid UTF-8"));
    cases.add(arguments("invalid UTF-8 truncated sequence", withBytes("{" + GOOD_KEY + ",\"requestId\":\"", new byte[] {(byte) 0xF0, (byte) 0x9F}, "\"}"), "body is not valid UTF-8"));
    cases.add(arguments("Latin-1 body", withBytes("{\"accessKey\":\"caf", new byte[] {(byte) 0xE9}, "\"," + GOOD_ID + "}"), "body is not valid UTF-8"));
    cases.add(arguments("empty object", bytes("{}"), "accessKey is missing"));
    for (String field : List.of(CloseFields.ACCESS_KEY, CloseFields.REQUEST_ID)) {
      cases.add(arguments(field + " missing", bytes(bodyWith(field, null)), field + " is missing"));
      cases.add(arguments(field + " null", bytes(bodyWith(field, "null")), field + " is null"));
      cases.add(arguments(field + " integer", bytes(bodyWith(field, "1639824316368")), field + " must be a string, got a number"));
      cases.add(arguments(field + " decimal", bytes(bodyWith(field, "1.5e3")), field + " must be a string, got a number"));
      cases.add(arguments(field + " true", bytes(bodyWith(field, "true")), field + " must be a string, got a boolean"));
      cases.add(arguments(field + " false", bytes(bodyWith(field, "false")), field + " must be a string, got a boolean"));
      cases.add(arguments(field + " object", bytes(bodyWith(field, "{\"value\":\"" + SECRET + "\"}")), field + " must be a string, got an object"));
      cases.add(arguments(field + " array", bytes(bodyWith(field, "[\"" + SECRET + "\"]")), field + " must be a string, got an array"));
      cases.add(arguments(field + " empty array", bytes(bodyWith(field, "[]")), field + " must be a string, got an array"));
      cases.add(arguments(field + " empty string", bytes(bodyWith(field, "\"\"")), field + " is empty"));
      int max = field.equals(CloseFields.ACCESS_KEY) ? CloseFields.ACCESS_KEY_MAX_LENGTH : CloseFields.REQUEST_ID_MAX_LENGTH;
      String tooLong = " is " + (max + 1) + " characters long, at most " + max + " are allowed";
      cases.add(arguments(field + " " + (max + 1) + " ASCII characters", bytes(bodyWith(field, quoted("Z".repeat(max + 1)))), field + tooLong));
      cases.add(arguments(field + " " + (max + 1) + " emoji", bytes(bodyWith(field, quoted(EMOJI.repeat(max + 1)))), field + tooLong));
      cases.add(arguments(field + " " + max + " ASCII + 1 emoji", bytes(bodyWith(field, quoted("Z".repeat(max) + EMOJI))), field + tooLong));
      cases.add(arguments(field + " " + (max + 1) + " escaped characters", bytes(bodyWith(field, quoted("\\u00e9".repeat(max + 1)))), field + tooLong));
      cases.add(arguments(field + " far too long", bytes(bodyWith(field, quoted("Z".repeat(10_000)))), field + " is 10000 characters long"));
      cases.add(arguments(field + " duplicated", bytes("{" + GOOD_KEY + "," + GOOD_ID + ",\"" + field + "\":\"again\"}"), "body has a duplicate field"));
    }
    cases.add(arguments("type error reported before a missing field", bytes("{\"requestId\":42}"), "requestId must be a string, got a number"));
    cases.add(arguments("duplicated unknown field", bytes("{" + GOOD_KEY + "," + GOOD_ID + ",\"x\":1,\"x\":2}"), "body has a duplicate field"));
    cases.add(arguments("100 000 nested arrays", bytes("[".repeat(100_000)), "body is nested deeper than 64 levels"));
    cases.add(arguments("100 000 nested objects", bytes("{\"a\":".repeat(100_000)), "body is nested deeper than 64 levels"));
    cases.add(arguments("deep nesting in an unknown field", bytes("{" + GOOD_KEY + "," + GOOD_ID + ",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"), "body is nested deeper than 64 levels"));
    cases.add(arguments("deep nesting in accessKey", bytes("{\"accessKey\":" + "[".repeat(100_000) + "]".repeat(100_000) + "," + GOOD_ID + "}"), "body is nested deeper than 64 levels"));
    String valid = "{" + GOOD_KEY + "," + GOOD_ID + "}";
    // A valid body in another encoding, without a BOM: Jackson alone detected the encoding and closed the stream.
    cases.add(arguments("UTF-16LE body without BOM", valid.getBytes(StandardCharsets.UTF_16LE), "body has a NUL byte at byte 1; it must be UTF-8"));
    cases.add(arguments("UTF-16BE body without BOM", valid.getBytes(StandardCharsets.UTF_16BE), "body has a NUL byte at byte 0; it must be UTF-8"));
    cases.add(arguments("UTF-32BE body without BOM", valid.getBytes(java.nio.charset.Charset.forName("UTF-32BE")), "body has a NUL byte at byte 0; it must be UTF-8"));
    cases.add(arguments("UTF-32LE body without BOM", valid.getBytes(java.nio.charset.Charset.forName("UTF-32LE")), "body has a NUL byte at byte 1; it must be UTF-8"));
    cases.add(arguments("UTF-16 body with BOM", valid.getBytes(StandardCharsets.UTF_16), "body is not valid UTF-8 (at byte 0)"));
    cases.add(arguments("UTF-8 BOM", withBytes("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, valid), "body starts with a UTF-8 byte order mark"));
    cases.add(arguments("raw NUL inside a string", withBytes("{\"accessKey\":\"a", new byte[] {0}, "\"," + GOOD_ID + "}"), "body has a NUL byte at byte 15"));
    // Escapes that name a lone surrogate: the value has no UTF-8 form (the journal stored it as '?').
    cases.add(arguments("requestId lone high surrogate", bytes(bodyWith(CloseFields.REQUEST_ID, "\"a\\ud800b\"")), "requestId has an unpaired surrogate (at character 1)"));
    cases.add(arguments("accessKey lone low surrogate", bytes(bodyWith(CloseFields.ACCESS_KEY, "\"\\udc00\"")), "accessKey has an unpaired surrogate (at character 0)"));
    cases.add(arguments("requestId reversed pair", bytes(bodyWith(CloseFields.REQUEST_ID, "\"\\ude00\\ud83d\"")), "requestId has an unpaired surrogate (at character 0)"));
    // An over-long number was reported as "nested deeper than 64 levels".
    cases.add(arguments("over-long number in an unknown field", bytes("{" + GOOD_KEY + "," + GOOD_ID + ",\"n\":" + "9".repeat(5000) + "}"), "body has a number longer than 1000 digits"));
    cases.add(arguments("over-long number as requestId", bytes(bodyWith(CloseFields.REQUEST_ID, "1".repeat(1001))), "body has a number longer than 1000 digits"));
    return cases.stream();
  }

  @Test
  void escapedSurrogatePairIsOneValidCharacter() {
    Outcome outcome = fixture.pipeline.close(VendorRequest.of(bytes(
        "{" + GOOD_KEY + ",\"requestId\":\"\\ud83d\\ude00\"}")));

    assertThat(outcome.code()).isEqualTo(1100);
    assertThat(outcome.requestId()).isEqualTo(EMOJI);
  }

  @Test
  void bodyOverTheLimitIsRefusedAndTheConnectionClosed() {
    byte[] prefix = bytes("{" + GOOD_KEY + ",\"requestId\":\"" + "Z".repeat(CloseFields.MAX_BODY_BYTES));

    Outcome outcome = fixture.pipeline.close(VendorRequest.tooLarge(prefix, CloseFields.MAX_BODY_BYTES + 1));

    assertInvalid(outcome, "body exceeds 65536 bytes");
    assertThat(outcome.closeConnection()).isTrue();
    assertThat(outcome.accessKey()).as("a refused body is not parsed").isNull();
  }

  @Test
  void tooLargeWinsEvenWhenTheKeptPrefixIsAValidBody() {
    byte[] validPrefix = bytes("{" + GOOD_KEY + "," + GOOD_ID + "}");

    Outcome outcome = fixture.pipeline.close(VendorRequest.tooLarge(validPrefix, validPrefix.length));

    assertInvalid(outcome, "body exceeds");
    assertThat(outcome.closeConnection()).isTrue();
  }

  @Test
  void bodyExactlyAtTheLimitIsParsed() {
    String head = "{" + GOOD_KEY + "," + GOOD_ID + ",\"pad\":\"";
    String tail = "\"}";
    String padding = " ".repeat(CloseFields.MAX_BODY_BYTES - head.length() - tail.length());
    byte[] body = bytes(head + padding + tail);
    assertThat(body).hasSize(CloseFields.MAX_BODY_BYTES);

    Outcome outcome = fixture.pipeline.close(VendorRequest.of(body));

    assertThat(outcome.code()).isEqualTo(1100);
  }

  @Test
  void maximumLengthValuesCountedInCharactersAreValid() {
    String key = EMOJI.repeat(CloseFields.ACCESS_KEY_MAX_LENGTH);
    fixture.accounts.put(Account.of(key));

    assertThat(fixture.close(key, EMOJI.repeat(CloseFields.REQUEST_ID_MAX_LENGTH)).code()).isEqualTo(1100);
    assertThat(fixture.close(key, "Z".repeat(CloseFields.REQUEST_ID_MAX_LENGTH)).code()).isEqualTo(1100);
    fixture.accounts.put(Account.of("Z".repeat(CloseFields.ACCESS_KEY_MAX_LENGTH)));
    assertThat(fixture.close("Z".repeat(CloseFields.ACCESS_KEY_MAX_LENGTH), "1").code()).isEqualTo(1100);
  }

  @Test
  void maximumLengthValuesWrittenAsEscapesAreValid() {
    String key = "\\uD83D\\uDE00".repeat(CloseFields.ACCESS_KEY_MAX_LENGTH);
    fixture.accounts.put(Account.of(EMOJI.repeat(CloseFields.ACCESS_KEY_MAX_LENGTH)));

    Outcome outcome = fixture.closeBody("{\"accessKey\":\"" + key + "\"," + GOOD_ID + "}");

    assertThat(outcome.code()).isEqualTo(1100);
    assertThat(outcome.accessKey()).isEqualTo(EMOJI.repeat(CloseFields.ACCESS_KEY_MAX_LENGTH));
  }

  @Test
  void unknownExtraFieldsAreIgnored() {
    fixture.open("stream-1");

    Outcome outcome =
        fixture.closeBody(
            "{\"tokenId\":\"user-1\"," + GOOD_KEY + ",\"extra\":{\"deep\":[1,2,{\"x\":null}]},"
                + GOOD_ID + ",\"n\":1.5,\"b\":false,\"z\":null}");

    assertThat(outcome.code()).isEqualTo(1100);
    assertThat(outcome.reason()).as("a plain close of a known stream").isNull();
    assertThat(fixture.closedStreams).hasSize(1);
  }

  @Test
  void fieldOrderAndSurroundingWhitespaceDoNotMatter() {
    Outcome outcome = fixture.closeBody("\n {\r\n\t" + GOOD_ID + " ,\n " + GOOD_KEY + "\n}\n ");

    assertThat(outcome.code()).isEqualTo(1100);
    assertThat(outcome.requestId()).isEqualTo("stream-1");
  }

  /** Documented decision: the spec allows whitespace-only values and the vendor documents no trimming. */
  @Test
  void whitespaceOnlyValuesAreValidAndNeverTrimmed() {
    fixture.accounts.put(Account.of("   "));
    fixture.openFor("   ", " \t ");

    Outcome outcome = fixture.close("   ", " \t ");

    assertThat(outcome.code()).isEqualTo(1100);
    assertThat(outcome.accessKey()).isEqualTo("   ");
    assertThat(outcome.requestId()).isEqualTo(" \t ");
    assertThat(outcome.unknownStream()).as("the untrimmed id addresses the seeded stream").isFalse();
  }

  @Test
  void whitespaceOnlyKeyIsNotConfusedWithARegisteredKey() {
    Outcome outcome = fixture.close(" " + PipelineFixture.KEY, "stream-1");

    assertThat(outcome.code()).as("not trimmed to the registered key").isEqualTo(9101);
  }

  private static void assertInvalid(Outcome outcome, String expectedReason) {
    assertThat(outcome.code()).isEqualTo(1902);
    assertThat(outcome.message()).isEqualTo("Invalid parameters");
    assertThat(outcome.answers()).isTrue();
    assertThat(outcome.reason()).contains(expectedReason);
    assertThat(outcome.reason()).matches("[\\x20-\\x7E]+").doesNotContain(SECRET).doesNotContain("ZZZ");
  }

  private static String bodyWith(String field, String rawValue) {
    String other = field.equals(CloseFields.ACCESS_KEY) ? GOOD_ID : GOOD_KEY;
    if (rawValue == null) {
      return "{" + other + "}";
    }
    return field.equals(CloseFields.ACCESS_KEY)
        ? "{\"accessKey\":" + rawValue + "," + other + "}"
        : "{" + other + ",\"requestId\":" + rawValue + "}";
  }

  private static String quoted(String value) {
    return "\"" + value + "\"";
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] withBytes(String before, byte[] raw, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bytes(before));
    out.writeBytes(raw);
    out.writeBytes(bytes(after));
    return out.toByteArray();
  }
}
