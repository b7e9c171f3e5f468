package io.github.deepcleermock.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The admin token: {@code /__admin/*} needs it, health and the vendor endpoint never do. */
class AdminTokenAcceptanceTest {

  @RegisterExtension
  static final DeepCleerMockExtension guarded =
      DeepCleerMockExtension.newInstance().configure(builder -> builder.adminToken("t"));

  @RegisterExtension
  static final DeepCleerMockExtension open = DeepCleerMockExtension.newInstance();

  /** One call per admin operation except health, each valid apart from the token. */
  static List<String[]> guardedCalls() {
    return List.of(
        new String[] {"POST", "/__admin/reset", null},
        new String[] {"GET", "/__admin/accounts", null},
        new String[] {"PUT", "/__admin/accounts/k", "{}"},
        new String[] {"GET", "/__admin/accounts/YOUR_ACCESS_KEY", null},
        new String[] {"DELETE", "/__admin/accounts/YOUR_ACCESS_KEY", null},
        new String[] {"GET", "/__admin/streams", null},
        new String[] {"POST", "/__admin/streams", "{\"requestId\":\"r\",\"accessKey\":\"YOUR_ACCESS_KEY\"}"},
        new String[] {"GET", "/__admin/streams/r", null},
        new String[] {"DELETE", "/__admin/streams/r", null},
        new String[] {"POST", "/__admin/streams/r/end", "{}"},
        new String[] {"GET", "/__admin/faults", null},
        new String[] {"POST", "/__admin/faults", "{\"code\":1903}"},
        new String[] {"DELETE", "/__admin/faults", null},
        new String[] {"DELETE", "/__admin/faults/fault-1", null},
        new String[] {"GET", "/__admin/requests", null},
        new String[] {"DELETE", "/__admin/requests", null},
        new String[] {"GET", "/__admin/callbacks", null},
        new String[] {"POST", "/__admin/provider-states", "{\"state\":\"service is failing\"}"});
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("guardedCalls")
  void everyAdminCallWithoutTheTokenIs401AndChangesNothing(String method, String path, String body) {
    AdminClient.Reply reply = AdminClient.of(guarded.baseUrl(), null).sendBad(method, path, body);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.errorField()).isEqualTo("authorization");
    assertThat(reply.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(guarded.mock().accounts().keys()).containsExactly("YOUR_ACCESS_KEY");
    assertThat(guarded.mock().faults().list()).isEmpty();
    assertThat(guarded.mock().streams().find("r")).isEmpty();
  }

  @Test
  void aWrongTokenIs401AndTheRightOneIsAccepted() {
    assertThat(AdminClient.of(guarded.baseUrl(), "wrong").sendBad("GET", "/__admin/accounts", null).status())
        .isEqualTo(401);
    assertThat(AdminClient.of(guarded.baseUrl(), "T").sendBad("GET", "/__admin/accounts", null).status())
        .isEqualTo(401);
    assertThat(AdminClient.of(guarded.baseUrl(), null).raw("GET", "/__admin/accounts", null, null).status())
        .isEqualTo(401);
    AdminClient withToken = AdminClient.of(guarded.baseUrl(), "t");

    assertThat(withToken.get("/__admin/accounts").status()).isEqualTo(200);
    assertThat(withToken.post("/__admin/reset", null).status()).isEqualTo(200);
  }

  @Test
  void theTokenIsComparedExactlyAlsoOnAReusedConnection() throws Exception {
    // One client, so both requests travel over the same keep-alive connection: a server-side header cache that
    // ignored case would read the second token as the first one.
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI accounts = URI.create(guarded.baseUrl() + "/__admin/accounts");

    int right = status(client, accounts, "Bearer t");
    int wrongCase = status(client, accounts, "Bearer T");
    int rightAgain = status(client, accounts, "Bearer t");

    assertThat(List.of(right, wrongCase, rightAgain)).containsExactly(200, 401, 200);
  }

  @Test
  void healthNeverNeedsTheToken() {
    AdminClient.Reply reply = AdminClient.of(guarded.baseUrl(), null).get("/__admin/health");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("status").asText()).isEqualTo("UP");
  }

  @Test
  void theVendorEndpointNeverNeedsTheToken() {
    assertThat(AdminClient.of(guarded.baseUrl(), null).closeCode("YOUR_ACCESS_KEY", "1639824316368")).isEqualTo(1100);
  }

  @Test
  void withoutATokenConfiguredAnAuthorizationHeaderIsIgnored() {
    AdminClient.Reply reply = AdminClient.of(open.baseUrl(), "anything").get("/__admin/accounts");

    assertThat(reply.status()).isEqualTo(200);
  }

  private static int status(HttpClient client, URI uri, String authorization) throws Exception {
    return client.send(HttpRequest.newBuilder(uri).header("Authorization", authorization).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
