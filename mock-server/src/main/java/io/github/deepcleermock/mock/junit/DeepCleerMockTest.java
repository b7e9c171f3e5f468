package io.github.deepcleermock.mock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The simple form: annotate a test class and take a {@link io.github.deepcleermock.mock.DeepCleerMock} parameter.
 * The class gets one mock with the defaults (random port, account YOUR_ACCESS_KEY), restored to its baseline
 * before each test, like a static {@code @RegisterExtension} field; use {@link DeepCleerMockExtension} with
 * {@code @RegisterExtension} to configure it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(DeepCleerMockExtension.class)
public @interface DeepCleerMockTest {}
