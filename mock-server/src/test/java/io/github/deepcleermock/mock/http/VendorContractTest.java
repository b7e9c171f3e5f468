package io.github.deepcleermock.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** The shared spec check has teeth: it refuses what the vendor would never send. */
class VendorContractTest {

  @Test
  void acceptsTheVendorsShape() {
    assertThat(VendorContract.validateResponse(
        response(200, "{\"requestId\":\"a78eef377079acc6cdec24967ecde722\",\"code\":1100,\"message\":\"Success\"}"))
        .getMessages()).isEmpty();
  }

  @Test
  void refusesAFieldTheSpecDoesNotDeclare() {
    assertThat(VendorContract.validateResponse(
        response(200, "{\"requestId\":\"a\",\"code\":1100,\"message\":\"Success\",\"reason\":\"x\"}"))
        .hasErrors()).isTrue();
  }

  @Test
  void refusesAMissingFieldOrAWrongType() {
    assertThat(VendorContract.validateResponse(response(200, "{\"requestId\":\"a\",\"code\":1100}")).hasErrors())
        .isTrue();
    assertThat(VendorContract.validateResponse(
        response(200, "{\"requestId\":\"a\",\"code\":\"1100\",\"message\":\"Success\"}")).hasErrors()).isTrue();
  }

  @Test
  void refusesAStatusOtherThan200() {
    assertThat(VendorContract.validateResponse(
        response(500, "{\"requestId\":\"a\",\"code\":1100,\"message\":\"Success\"}")).hasErrors()).isTrue();
  }

  @Test
  void requestValidationFollowsTheSpecsLengths() {
    assertThat(VendorContract.validateRequest("{\"accessKey\":\"k\",\"requestId\":\"r\"}").hasErrors()).isFalse();
    assertThat(VendorContract.validateRequest("{\"accessKey\":\"" + "k".repeat(21) + "\",\"requestId\":\"r\"}")
        .hasErrors()).isTrue();
  }

  private static HttpResponse<String> response(int status, String body) {
    return new HttpResponse<>() {
      @Override
      public int statusCode() {
        return status;
      }

      @Override
      public HttpRequest request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1/finish_videostream/v4")).build();
      }

      @Override
      public Optional<HttpResponse<String>> previousResponse() {
        return Optional.empty();
      }

      @Override
      public HttpHeaders headers() {
        return HttpHeaders.of(Map.of("Content-Type", List.of(CloseClient.JSON_TYPE)), (name, value) -> true);
      }

      @Override
      public String body() {
        return body;
      }

      @Override
      public Optional<SSLSession> sslSession() {
        return Optional.empty();
      }

      @Override
      public URI uri() {
        return request().uri();
      }

      @Override
      public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
      }
    };
  }
}
