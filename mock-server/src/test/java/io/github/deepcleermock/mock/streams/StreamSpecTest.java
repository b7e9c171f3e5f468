package io.github.deepcleermock.mock.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class StreamSpecTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode object(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }

  @Test
  void changingWhatDataOrSubmittedReturnedLeavesTheStreamAsSubmitted() throws Exception {
    ObjectNode body = object("{\"acceptLang\":\"zh\",\"data\":{\"streamType\":\"NORMAL\",\"url\":\"rtmp://a/b\"}}");
    StreamSpec spec =
        StreamSpec.builder().requestId("s-1").accessKey("k").data((ObjectNode) body.get("data")).submitted(body)
            .build();

    spec.data().put("url", "changed");
    spec.submitted().put("acceptLang", "en");
    ((ObjectNode) body.get("data")).put("url", "changed after build");

    assertThat(spec.data()).isEqualTo(object("{\"streamType\":\"NORMAL\",\"url\":\"rtmp://a/b\"}"));
    assertThat(spec.submitted().path("acceptLang").asText()).isEqualTo("zh");
    assertThat(spec.speaksChinese()).isTrue();
  }

  @Test
  void aSubmittedStreamKeepsItsBodyAsTheTextItArrivedInAndReadsTheSameAsItsTree() throws Exception {
    String text = "{ \"acceptLang\" : \"zh\",\n  \"data\" : {\"streamType\":\"NORMAL\",\"url\":\"rtmp://a/b\"} }";
    byte[] received = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ObjectNode body = object(text);

    StreamSpec spec = StreamSpec.submitted("s-3", "k", "http://cb.test/img", null, 0, body, received);

    assertThat(spec.submitted()).isEqualTo(body);
    assertThat(spec.data()).isEqualTo(body.get("data"));
    assertThat(spec.speaksChinese()).isTrue();
    assertThat(spec.dedupKey()).isEqualTo(DedupKeys.of("k", (ObjectNode) body.get("data")));
    assertThat(spec).isEqualTo(StreamSpec.builder().requestId("s-3").accessKey("k").imgCallback("http://cb.test/img")
        .data((ObjectNode) body.get("data")).submitted(body).build());
  }

  @Test
  void dataThatDiffersFromTheSubmittedBodysDataIsKeptAsGiven() throws Exception {
    ObjectNode body = object("{\"data\":{\"url\":\"rtmp://a/b\"}}");
    StreamSpec spec =
        StreamSpec.builder().requestId("s-2").accessKey("k").data(object("{\"url\":\"rtmp://other\"}")).submitted(body)
            .build();

    assertThat(spec.data().path("url").asText()).isEqualTo("rtmp://other");
    assertThat(spec.submitted().path("data").path("url").asText()).isEqualTo("rtmp://a/b");
  }

  @Test
  void specsWithTheSameFieldsAreEqualAndAChangedCopyIsNot() throws Exception {
    StreamSpec one = StreamSpec.builder().requestId("s-3").accessKey("k").data(object("{\"url\":\"u\"}")).build();
    StreamSpec same = StreamSpec.builder().requestId("s-3").accessKey("k").data(object("{\"url\":\"u\"}")).build();

    assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(one.toBuilder().data(object("{\"url\":\"v\"}")).build()).isNotEqualTo(one);
    assertThat(one.dedupKey()).isEqualTo(same.dedupKey());
  }
}
