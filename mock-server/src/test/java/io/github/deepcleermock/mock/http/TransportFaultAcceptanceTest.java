package io.github.deepcleermock.mock.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.faults.FaultMatch;
import io.github.deepcleermock.mock.faults.FaultRule;
import io.github.deepcleermock.mock.faults.FaultSpec;
import io.github.deepcleermock.mock.faults.TransportFault;
import io.github.deepcleermock.mock.journal.JournalEntry;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Transport faults break the exchange the way a network or gateway would, and a client sees exactly that. */
class TransportFaultAcceptanceTest {

  private static final String BODY = "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"stream-1\"}";

  @RegisterExtension
  static final DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance()
      .configure(builder -> builder.stream(StreamSpec.builder().accessKey("YOUR_ACCESS_KEY").requestId("stream-1").build()));

  private DeepCleerMock mock;

  @BeforeEach
  void connect(DeepCleerMock mock) {
    this.mock = mock;
  }

  @Test
  void connectionResetIsSeenAsAResetBeforeAnyByte() throws Exception {
    FaultRule rule = mock.faults().add(FaultSpec.transport(FaultMatch.ANY, TransportFault.CONNECTION_RESET));

    try (RawHttp raw = new RawHttp(mock.port())) {
      raw.post("Content-Type: application/json\r\nContent-Length: " + BODY.length() + "\r\n", bytes(BODY));

      assertThatThrownBy(raw::readToEnd).isInstanceOf(SocketException.class).hasMessageContaining("reset");
    }
    assertJournaledWithoutCode(rule);
  }

  @Test
  void connectionResetFailsAJavaHttpClientCall() {
    mock.faults().add(FaultSpec.transport(FaultMatch.ANY, TransportFault.CONNECTION_RESET));

    assertThatThrownBy(() -> freshClient().post(VendorEndpoint.CLOSE_PATH, "application/json", bytes(BODY)))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void emptyResponseIsSeenAsAnOrderlyCloseWithoutAnyByte() throws Exception {
    FaultRule rule = mock.faults().add(FaultSpec.transport(FaultMatch.ANY, TransportFault.EMPTY_RESPONSE));

    try (RawHttp raw = new RawHttp(mock.port())) {
      raw.post("Content-Type: application/json\r\nContent-Length: " + BODY.length() + "\r\n", bytes(BODY));

      assertThat(raw.readToEnd()).isEmpty();
    }
    assertJournaledWithoutCode(rule);
  }

  @Test
  void emptyResponseFailsAJavaHttpClientCall() {
    mock.faults().add(FaultSpec.transport(FaultMatch.ANY, TransportFault.EMPTY_RESPONSE));

    assertThatThrownBy(() -> freshClient().post(VendorEndpoint.CLOSE_PATH, "application/json", bytes(BODY)))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void malformedJsonIsHttp200WithABodyNoParserAccepts() {
    FaultRule rule = mock.faults().add(FaultSpec.transport(FaultMatch.ANY, TransportFault.MALFORMED_JSON));

    HttpResponse<String> response = freshClient().post(VendorEndpoint.CLOSE_PATH, "application/json", bytes(BODY));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(CloseClient.JSON_TYPE);
    assertThatThrownBy(() -> new ObjectMapper().readTree(response.body()))
        .isInstanceOf(JsonProcessingException.class);
    assertThat(VendorContract.validateResponse(response).hasErrors()).as("the spec refuses it").isTrue();
    assertJournaledWithoutCode(rule);
  }

  @Test
  void http502IsABadGatewayPageInsteadOfAnAnswer() {
    FaultRule rule = mock.faults().add(FaultSpec.transport(FaultMatch.ANY, TransportFault.HTTP_502));

    HttpResponse<String> response = freshClient().post(VendorEndpoint.CLOSE_PATH, "application/json", bytes(BODY));

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(response.body()).contains("502 Bad Gateway");
    assertThat(VendorContract.validateResponse(response).hasErrors()).as("the spec refuses it").isTrue();
    assertJournaledWithoutCode(rule);
  }

  @Test
  void transportFaultHitsOnlyMatchingRequestsAndStopsAfterItsTimes() {
    mock.faults().add(FaultSpec.transport(FaultMatch.byRequestId("other"), TransportFault.HTTP_502).withTimes(1));
    CloseClient client = freshClient();

    assertThat(client.close("YOUR_ACCESS_KEY", "stream-1").code()).isEqualTo(1100);
    assertThat(client.post(VendorEndpoint.CLOSE_PATH, "application/json",
        bytes("{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"other\"}")).statusCode()).isEqualTo(502);
    assertThat(client.close("YOUR_ACCESS_KEY", "other").code()).isEqualTo(1100);
  }

  private void assertJournaledWithoutCode(FaultRule rule) {
    JournalEntry entry = mock.journal().all().get(0);
    assertThat(entry.code()).isNull();
    assertThat(entry.responseRequestId()).isNull();
    assertThat(entry.faultId()).isEqualTo(rule.id());
    assertThat(entry.reason()).isEqualTo("fault rule " + rule.id() + ": " + rule.spec().fault());
    assertThat(rule.fired()).isEqualTo(1);
    assertThat(mock.streams().find("stream-1").orElseThrow().state())
        .as("a broken exchange changes no state").isEqualTo(StreamState.ACTIVE);
  }

  /** A new client per broken exchange, so no test reuses a connection another test's fault broke. */
  private CloseClient freshClient() {
    return new CloseClient(mock.baseUrl());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
