package io.github.deepcleermock.mock.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The callback validator has teeth: undeclared fields, wrong types and missing fields fail. */
class CallbackSchemasTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String END =
      "{\"code\":1100,\"message\":\"Success\",\"requestId\":\"r1\",\"statCode\":1,\"contentType\":1,"
          + "\"riskLevel\":\"PASS\",\"pullStreamSuccess\":true,\"auxInfo\":{\"streamTime\":70,"
          + "\"passThrough\":{\"any\":{\"thing\":1}}},\"detail\":{\"requestParams\":{\"url\":\"rtmp://x\"}}}";

  @Test
  void theVendorsEndCallbackExampleIsValid() throws Exception {
    assertThat(CallbackSchemas.validate("StreamEndCallback", JSON.readTree(END)).getMessages()).isEmpty();
  }

  @Test
  void anUndeclaredFieldFails() throws Exception {
    String extra = END.replace("\"statCode\":1,", "\"statCode\":1,\"mockOnly\":true,");
    assertThat(CallbackSchemas.validate("StreamEndCallback", JSON.readTree(extra)).getMessages()).isNotEmpty();
  }

  @Test
  void aMissingRequiredFieldOrAWrongTypeFails() throws Exception {
    assertThat(CallbackSchemas.validate("StreamEndCallback",
        JSON.readTree(END.replace("\"pullStreamSuccess\":true,", ""))).getMessages()).isNotEmpty();
    assertThat(CallbackSchemas.validate("StreamEndCallback",
        JSON.readTree(END.replace("\"riskLevel\":\"PASS\"", "\"riskLevel\":\"BAD\""))).getMessages()).isNotEmpty();
    assertThat(CallbackSchemas.validate("FrameResultCallback", JSON.readTree(END)).getMessages()).isNotEmpty();
  }
}
