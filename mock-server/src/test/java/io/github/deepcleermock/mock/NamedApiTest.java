package io.github.deepcleermock.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.deepcleermock.mock.admin.AdminClient;
import io.github.deepcleermock.mock.faults.FaultMatch;
import io.github.deepcleermock.mock.faults.FaultSpec;
import io.github.deepcleermock.mock.journal.Journal;
import io.github.deepcleermock.mock.journal.JournalEntry;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import io.github.deepcleermock.mock.states.ProviderStates;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedded API names what it takes: builders, named factories and withers instead of positional nulls. */
class NamedApiTest {

  @RegisterExtension
  static final DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance()
      .configure(builder -> builder.account("key-1").account("key-2"));

  @Test
  void aStreamSpecIsBuiltByFieldName() {
    StreamSpec spec = StreamSpec.builder()
        .requestId("stream-1")
        .accessKey("key-1")
        .imgCallback("http://127.0.0.1:9/img")
        .returnFinishInfo(1)
        .build();

    assertThat(spec.requestId()).isEqualTo("stream-1");
    assertThat(spec.accessKey()).isEqualTo("key-1");
    assertThat(spec.returnFinishInfo()).isEqualTo(1);
    assertThat(spec.toBuilder().requestId("stream-2").build().imgCallback()).isEqualTo("http://127.0.0.1:9/img");
  }

  @Test
  void aStreamSpecWithoutItsRequiredFieldsNamesTheMissingOne() {
    assertThatThrownBy(() -> StreamSpec.builder().accessKey("key-1").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("requestId: is required");
    assertThatThrownBy(() -> StreamSpec.builder().requestId("stream-1").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("accessKey: is required");
  }

  @Test
  void faultMatchesAreNamedByWhatTheyMatch() {
    assertThat(FaultMatch.byAccessKey("key-1").matches("key-1", "any")).isTrue();
    assertThat(FaultMatch.byAccessKey("key-1").matches("key-2", "any")).isFalse();
    assertThat(FaultMatch.byRequestId("r1").matches("any", "r1")).isTrue();
    assertThat(FaultMatch.byRequestId("r1").matches("any", "r2")).isFalse();
    FaultMatch both = FaultMatch.byAccessKey("key-1").withRequestId("r1");
    assertThat(both.matches("key-1", "r1")).isTrue();
    assertThat(both.matches("key-1", "r2")).isFalse();
    assertThat(both.matches("key-2", "r1")).isFalse();
  }

  @Test
  void aJournalFilterIsNarrowedByName(DeepCleerMock mock) {
    mock.faults().add(FaultSpec.code(FaultMatch.byAccessKey("key-2"), 1903));
    AdminClient http = AdminClient.of(mock);
    http.closeCode("key-1", "r1");
    http.closeCode("key-2", "r1");
    http.closeCode("key-2", "r2");

    assertThat(mock.journal().find(Journal.Filter.ALL.withAccessKey("key-2").withCode(1903), 10))
        .extracting(JournalEntry::requestId).containsExactly("r2", "r1");
    assertThat(mock.journal().find(Journal.Filter.ALL.withRequestId("r1").withCode(1100), 10))
        .extracting(JournalEntry::accessKey).containsExactly("key-1");
  }

  @Test
  void providerStatesAreSetUpAndTornDownByName(DeepCleerMock mock) {
    Map<String, Object> used = mock.providerStates()
        .setUp(ProviderStates.STREAM_ACTIVE, Map.of("accessKey", "key-1", "requestId", "state-stream"));

    assertThat(used).containsEntry("requestId", "state-stream");
    assertThat(mock.streams().find("state-stream")).hasValueSatisfying(
        stream -> assertThat(stream.state()).isEqualTo(StreamState.ACTIVE));

    mock.providerStates().tearDown(ProviderStates.STREAM_ACTIVE);

    assertThat(mock.streams().find("state-stream")).isEmpty();
  }
}
