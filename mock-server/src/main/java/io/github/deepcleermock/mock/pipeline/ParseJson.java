package io.github.deepcleermock.mock.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Parse, the first step of both endpoints: the body must be one UTF-8 JSON object; the endpoint's {@link Reader}
 * takes its fields from the parser.
 *
 * <p>Duplicate keys, trailing content and nesting beyond a fixed depth are refused here for both. Reasons never
 * quote the input.
 *
 * @param <C> the endpoint's call type
 */
public final class ParseJson<C extends Call> implements Step<C> {

  /** Deeper bodies are refused; a real body is nearly flat. */
  public static final int MAX_NESTING_DEPTH = 64;

  /** Jackson's default limit on a number's length (StreamReadConstraints), named in the reason. */
  static final int NUMBER_LIMIT = StreamReadConstraints.DEFAULT_MAX_NUM_LEN;

  /** The JSON factory both endpoints parse with (duplicate keys, deep nesting and huge numbers refused). */
  public static final JsonFactory JSON =
      JsonFactory.builder()
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_NESTING_DEPTH)
                  .maxNumberLength(StreamReadConstraints.DEFAULT_MAX_NUM_LEN)
                  .build())
          .build();

  /** Reads one endpoint's fields from a parser positioned on the object's START_OBJECT. */
  @FunctionalInterface
  public interface Reader<C extends Call> {

    /** The outcome (1902 for a field problem), or null when the fields were read into the call. */
    Outcome read(JsonParser parser, C call) throws IOException;
  }

  private final int maxBodyBytes;
  private final String expected;
  private final Reader<C> reader;

  /**
   * @param maxBodyBytes the endpoint's body limit, for the reason of an oversized body
   * @param expected what the body should be, for the reason of an empty one
   * @param reader reads the endpoint's fields
   */
  public ParseJson(int maxBodyBytes, String expected, Reader<C> reader) {
    this.maxBodyBytes = maxBodyBytes;
    this.expected = expected;
    this.reader = reader;
  }

  @Override
  public Outcome apply(C call) {
    VendorRequest request = call.request();
    if (request.tooLarge()) {
      return call.invalidAndClose("body exceeds " + maxBodyBytes + " bytes");
    }
    if (request.length() == 0) {
      return call.invalid("body is empty; expected " + expected);
    }
    String encoding = encodingProblem(request.body(), request.length());
    if (encoding != null) {
      return call.invalid(encoding);
    }
    try (JsonParser parser = JSON.createParser(request.body(), 0, request.length())) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return call.invalid("body is only whitespace; expected a JSON object");
      }
      if (first != JsonToken.START_OBJECT) {
        // Consume the rest so that "[1] x" is reported as the wrong type, but "[1" as invalid JSON.
        parser.skipChildren();
        if (parser.nextToken() != null) {
          return call.invalid("body is not valid JSON: content after the first value");
        }
        return call.invalid("body is a JSON " + describe(first) + ", not an object");
      }
      Outcome outcome = reader.read(parser, call);
      if (parser.nextToken() != null) {
        return call.invalid("body is not valid JSON: content after the object");
      }
      return outcome;
    } catch (StreamConstraintsException e) {
      return call.invalid(constraintProblem(e));
    } catch (JsonProcessingException e) {
      if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
        return call.invalid("body has a duplicate field");
      }
      return call.invalid("body is not valid JSON" + where(e.getLocation()));
    } catch (IOException e) {
      return call.invalid("body could not be read as JSON");
    }
  }

  /** "accessKey is null" or "accessKey must be a string, got a number": a wrong JSON type, named. */
  public static String typeProblem(String field, JsonToken value, String wanted) {
    if (value == JsonToken.VALUE_NULL) {
      return field + " is null";
    }
    return field + " must be " + wanted + ", got " + describeWithArticle(value);
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      default -> "value";
    };
  }

  static String describeWithArticle(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      default -> "a " + describe(token);
    };
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /**
   * Why the bytes are not a UTF-8 JSON text, or null. The body is always read as UTF-8 (RFC 8259 §8.1), never
   * detected: Jackson alone would take a UTF-16 or UTF-32 body (its NUL bytes are valid UTF-8) for what it is.
   * Decision: a UTF-8 byte order mark is refused too; RFC 8259 says a JSON text must not begin with one, and a
   * client that sends it has a bug the real service need not forgive.
   */
  static String encodingProblem(byte[] body, int length) {
    // One pass over the ASCII prefix, which for a real body is all of it.
    int i = 0;
    while (i < length && body[i] > 0) {
      i++;
    }
    if (i == length) {
      return null;
    }
    if (body[i] != 0) {
      if (length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
        return "body starts with a UTF-8 byte order mark; JSON text must not (RFC 8259 section 8.1)";
      }
      int badByte = firstInvalidUtf8(body, length);
      if (badByte >= 0) {
        return "body is not valid UTF-8 (at byte " + badByte + ")";
      }
    }
    for (; i < length; i++) {
      if (body[i] == 0) {
        return "body has a NUL byte at byte " + i + "; it must be UTF-8 (UTF-16 and UTF-32 are not accepted)";
      }
    }
    return null;
  }

  /** Which of the parser's limits the body broke; each names the limit, never the value. */
  private static String constraintProblem(StreamConstraintsException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (message.startsWith("Number value length")) {
      return "body has a number longer than " + NUMBER_LIMIT + " digits";
    }
    if (message.startsWith("String value length")) {
      return "body has a string longer than the parser's limit";
    }
    if (message.startsWith("Name length")) {
      return "body has a field name longer than the parser's limit";
    }
    if (message.contains("nesting depth")) {
      return "body is nested deeper than " + MAX_NESTING_DEPTH + " levels";
    }
    return "body exceeds a limit of the JSON parser";
  }

  /** A string value must be Unicode: a lone surrogate (escaped, as only an escape can make one) has no UTF-8 form. */
  public static String surrogateProblem(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return field + " has an unpaired surrogate (at character " + i + "); it is not valid Unicode";
      }
    }
    return null;
  }

  /** Offset of the first byte that breaks UTF-8, or -1; ASCII bodies (all real ones) skip the decoder. */
  static int firstInvalidUtf8(byte[] body, int length) {
    int i = 0;
    while (i < length && body[i] >= 0) {
      i++;
    }
    if (i == length) {
      return -1;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.wrap(body, 0, length);
    try {
      decoder.decode(bytes);
      return -1;
    } catch (CharacterCodingException e) {
      return locateInvalid(body, length);
    }
  }

  private static int locateInvalid(byte[] body, int length) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body, 0, length);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(length);
    var result = decoder.decode(in, out, true);
    return result.isError() ? in.position() : 0;
  }
}
