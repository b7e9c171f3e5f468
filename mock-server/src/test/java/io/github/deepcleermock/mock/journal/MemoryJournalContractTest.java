package io.github.deepcleermock.mock.journal;

import io.github.deepcleermock.mock.DeepCleerMock;

/** The journal and callback log contract against the memory store (the default). */
class MemoryJournalContractTest extends JournalContract {

  @Override
  protected DeepCleerMock.Builder builder() {
    return DeepCleerMock.builder();
  }
}
