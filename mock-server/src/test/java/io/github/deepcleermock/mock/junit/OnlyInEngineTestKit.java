package io.github.deepcleermock.mock.junit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables a test class only when {@link DeepCleerMockExtensionTest} runs it through the JUnit Platform's
 * EngineTestKit (which sets {@value #KEY}): the {@code *Case} classes fail on purpose and must stay out of a normal
 * test run, whether Surefire or an IDE picks them up.
 */
public final class OnlyInEngineTestKit implements ExecutionCondition {

  /** The configuration parameter EngineTestKit runs set. */
  public static final String KEY = "deepcleer.mock.engineTestKit";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return context.getConfigurationParameter(KEY).filter("true"::equals).isPresent()
        ? ConditionEvaluationResult.enabled("run by EngineTestKit")
        : ConditionEvaluationResult.disabled("runs only inside DeepCleerMockExtensionTest (EngineTestKit)");
  }
}
