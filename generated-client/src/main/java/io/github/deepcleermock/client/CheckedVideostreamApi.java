package io.github.deepcleermock.client;

import io.github.deepcleermock.client.api.VideostreamApi;
import io.github.deepcleermock.client.invoker.ApiClient;
import io.github.deepcleermock.client.invoker.ApiException;
import io.github.deepcleermock.client.invoker.ApiResponse;
import io.github.deepcleermock.client.model.FinishVideoStreamRequest;
import io.github.deepcleermock.client.model.FinishVideoStreamResponse;
import io.github.deepcleermock.client.model.SubmitVideoStreamRequest;
import io.github.deepcleermock.client.model.SubmitVideoStreamResponse;
import java.net.http.HttpHeaders;
import java.util.Map;

/**
 * The generated API with one addition: a 2xx answer that carries no JSON body or no {@code code} fails loudly.
 *
 * <p>The generated method returns {@code null} for a blank body, so a caller would see a
 * {@code NullPointerException} far from the cause. All public overloads of {@code submitVideoStream} and
 * {@code finishVideoStream} end in the methods overridden here.
 */
final class CheckedVideostreamApi extends VideostreamApi {

  CheckedVideostreamApi(ApiClient apiClient) {
    super(apiClient);
  }

  @Override
  public ApiResponse<FinishVideoStreamResponse> finishVideoStreamWithHttpInfo(
      FinishVideoStreamRequest finishVideoStreamRequest, Map<String, String> headers) throws ApiException {
    ApiResponse<FinishVideoStreamResponse> response = super.finishVideoStreamWithHttpInfo(
        finishVideoStreamRequest, headers);
    FinishVideoStreamResponse body = response.getData();
    if (body == null) {
      throw unusable("finishVideoStream", response, "an empty body", null);
    }
    if (body.getCode() == null) {
      throw unusable("finishVideoStream", response, "JSON without a \"code\" field", body.toString());
    }
    return response;
  }

  @Override
  public ApiResponse<SubmitVideoStreamResponse> submitVideoStreamWithHttpInfo(
      SubmitVideoStreamRequest submitVideoStreamRequest, Map<String, String> headers) throws ApiException {
    ApiResponse<SubmitVideoStreamResponse> response = super.submitVideoStreamWithHttpInfo(
        submitVideoStreamRequest, headers);
    SubmitVideoStreamResponse body = response.getData();
    if (body == null) {
      throw unusable("submitVideoStream", response, "an empty body", null);
    }
    if (body.getCode() == null) {
      throw unusable("submitVideoStream", response, "JSON without a \"code\" field", body.toString());
    }
    return response;
  }

  private static ApiException unusable(String operation, ApiResponse<?> response, String what, String body) {
    return new ApiException(
        operation + " answered HTTP " + response.getStatusCode() + " with " + what
            + "; expected JSON {\"requestId\", \"code\", \"message\"}",
        response.getStatusCode(),
        HttpHeaders.of(response.getHeaders(), (name, value) -> true),
        body);
  }
}
