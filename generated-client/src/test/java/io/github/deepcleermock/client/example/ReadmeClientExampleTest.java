package io.github.deepcleermock.client.example;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.deepcleermock.client.DeepCleerClients;
import io.github.deepcleermock.client.ResultCode;
import io.github.deepcleermock.client.api.VideostreamApi;
import io.github.deepcleermock.client.invoker.ApiException;
import io.github.deepcleermock.client.model.FinishVideoStreamRequest;
import io.github.deepcleermock.client.model.FinishVideoStreamResponse;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the README's "Using the generated client" example word for word, and checks the README still shows it.
 *
 * <p>In its own package, as a user's code would be: the example may only use the client's public surface.
 */
class ReadmeClientExampleTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final String VENDOR_EXAMPLE = "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"1639824316368\"}";

  private String baseUrl;

  @BeforeEach
  void mockAnswersTheVendorsExampleWithSuccess() {
    wm.stubFor(post("/finish_videostream/v4").withRequestBody(equalToJson(VENDOR_EXAMPLE))
        .willReturn(okJson("{\"requestId\":\"a78eef377079acc6cdec24967ecde722\",\"code\":1100,\"message\":\"Success\"}")));
    baseUrl = "http://127.0.0.1:" + wm.getPort();
  }

  @Test
  void readmeExample() throws ApiException {
    // baseUrl: where the mock listens, e.g. "http://127.0.0.1:8080" (DeepCleerMock.baseUrl() when embedded)
    VideostreamApi api = DeepCleerClients.create(URI.create(baseUrl)); // the vendor's 7 s timeouts
    FinishVideoStreamResponse response = api.finishVideoStream(new FinishVideoStreamRequest()
        .accessKey("YOUR_ACCESS_KEY")
        .requestId("1639824316368")); // the id the submit call returned, or a dupRequestId
    ResultCode.Code code = ResultCode.of(response.getCode());
    switch (code.value()) {
      case SUCCESS -> System.out.println("closed; id of this call: " + response.getRequestId());
      case QPS_LIMIT_EXCEEDED, SERVICE_FAILURE -> System.out.println("retry later: " + response.getMessage());
      default -> throw new IllegalStateException("close refused: " + code + " " + response.getMessage());
    }
  }

  @Test
  void readmeExampleSendsTheVendorsExampleRequestOnce() throws ApiException {
    readmeExample();

    wm.verify(1, postRequestedFor(urlEqualTo("/finish_videostream/v4")).withRequestBody(equalToJson(VENDOR_EXAMPLE)));
  }

  @Test
  void readmeShowsThisTestsExampleAndImportsWordForWord() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    String section = readme.substring(readme.indexOf("## Using the generated client"));
    List<String> javaBlocks = javaBlocks(section);
    assertThat(javaBlocks).as("java blocks in the README section").hasSizeGreaterThanOrEqualTo(2);
    String source = Files.readString(
        Path.of("src/test/java/io/github/deepcleermock/client/example/ReadmeClientExampleTest.java"));

    for (String importLine : javaBlocks.get(0).strip().split("\n")) {
      assertThat(source).contains("\n" + importLine + "\n");
    }
    assertThat(bodyOf(source, "void readmeExample() throws ApiException {")).isEqualTo(javaBlocks.get(1));
  }

  private static List<String> javaBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  /** The method body below {@code signature}, dedented by the four spaces of a method body. */
  private static String bodyOf(String source, String signature) {
    int start = source.indexOf(signature);
    assertThat(start).as("signature in source").isNotNegative();
    int from = source.indexOf('\n', start) + 1;
    int to = source.indexOf("\n  }\n", from) + 1;
    StringBuilder body = new StringBuilder();
    for (String line : source.substring(from, to).split("\n")) {
      body.append(line.startsWith("    ") ? line.substring(4) : line.strip()).append('\n');
    }
    return body.toString();
  }
}
