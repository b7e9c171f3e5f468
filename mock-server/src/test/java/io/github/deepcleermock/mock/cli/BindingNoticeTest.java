package io.github.deepcleermock.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The start-up line names the address really bound, and a reachable admin API without a token is warned about. */
class BindingNoticeTest {

  @Test
  void wildcardBindIsPrintedAsItIsWithTheLocalUrlBeside() {
    assertThat(BindingNotice.listening("0.0.0.0", 8080))
        .isEqualTo("DeepCleer mock listening on http://0.0.0.0:8080 (all interfaces; from this machine:"
            + " http://127.0.0.1:8080)");
    assertThat(BindingNotice.listening("::", 8080)).startsWith("DeepCleer mock listening on http://[::]:8080 (all");
  }

  @Test
  void loopbackBindIsPrintedAsItsUrl() {
    assertThat(BindingNotice.listening("127.0.0.1", 8080)).isEqualTo("DeepCleer mock listening on http://127.0.0.1:8080");
  }

  @Test
  void httpsListenersArePrintedBesideOrInsteadOfHttp() {
    assertThat(BindingNotice.listening("127.0.0.1", 8080, 8443))
        .isEqualTo("DeepCleer mock listening on http://127.0.0.1:8080 and https://127.0.0.1:8443");
    assertThat(BindingNotice.listening("127.0.0.1", -1, 8443))
        .isEqualTo("DeepCleer mock listening on https://127.0.0.1:8443");
    assertThat(BindingNotice.listening("0.0.0.0", -1, 8443))
        .isEqualTo("DeepCleer mock listening on https://0.0.0.0:8443 (all interfaces; from this machine:"
            + " https://127.0.0.1:8443)");
  }

  @Test
  void nonLoopbackBindWithoutAdminTokenIsWarnedAbout() {
    assertThat(BindingNotice.warning("0.0.0.0", 8080, null))
        .startsWith("WARNING: the mock listens on 0.0.0.0:8080, which other machines can reach")
        .contains("--admin-token");
    assertThat(BindingNotice.warning("0.0.0.0", 8080, "s3cret")).isNull();
    assertThat(BindingNotice.warning("127.0.0.1", 8080, null)).isNull();
    assertThat(BindingNotice.warning("localhost", 8080, null)).isNull();
    assertThat(BindingNotice.warning("::1", 8080, null)).isNull();
  }
}
