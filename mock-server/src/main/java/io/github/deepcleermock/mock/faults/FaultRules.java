package io.github.deepcleermock.mock.faults;

/**
 * The fault rules as the pipelines see them, with their {@code times} counters: in this process's memory
 * ({@link MemoryFaultRules}) or shared by a group of instances (the Redis store), where a rule with {@code times: N}
 * fires N times in the whole group.
 */
public interface FaultRules extends Faults {

  /**
   * The first rule that fires for this request, its firing counted; null when none does.
   *
   * @throws io.github.deepcleermock.mock.store.StoreUnavailableException when a shared store cannot count the firing
   */
  FaultRule fire(String accessKey, String requestId);
}
