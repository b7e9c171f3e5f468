package io.github.deepcleermock.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.admin.AdminClient;
import io.github.deepcleermock.mock.streams.StreamSpec;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One server for the class, back at its baseline before each test: both tests check the baseline first and then
 * change everything they can, so whichever runs second proves that nothing of the first one is left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaticExtensionBaselineTest {

  @RegisterExtension
  static DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance()
      .configure(builder -> builder.account("key-1").stream(StreamSpec.builder().accessKey("key-1").requestId("configured").build()));

  @Test
  @Order(1)
  void testA(DeepCleerMock mock) {
    assertBaselineAndChangeEverything(mock);
  }

  @Test
  @Order(2)
  void testB(DeepCleerMock mock) {
    assertBaselineAndChangeEverything(mock);
  }

  private static void assertBaselineAndChangeEverything(DeepCleerMock mock) {
    AdminClient admin = AdminClient.of(mock);
    assertThat(admin.get("/__admin/accounts").texts("accounts", "accessKey")).containsExactly("key-1");
    assertThat(admin.get("/__admin/accounts/key-1").json().path("qpsFrozen").asBoolean()).isFalse();
    assertThat(admin.get("/__admin/streams").texts("streams", "state")).containsExactly("ACTIVE");
    assertThat(admin.get("/__admin/faults").items("faults")).isEmpty();
    assertThat(admin.get("/__admin/requests").items("requests")).isEmpty();
    assertThat(admin.closeCode("key-1", "configured")).isEqualTo(1100);

    assertThat(admin.get("/__admin/streams/configured").json().path("state").asText()).isEqualTo("CLOSED");
    admin.put("/__admin/accounts/key-2", "{}");
    admin.post("/__admin/streams", "{\"requestId\":\"seeded\",\"accessKey\":\"key-2\"}");
    admin.post("/__admin/faults", "{\"code\":1903}");
    admin.post("/__admin/provider-states", "{\"state\":\"QPS limit is exhausted\",\"params\":{\"accessKey\":\"key-1\"}}");
    assertThat(admin.closeCode("key-1", "configured")).isEqualTo(1901);
  }
}
