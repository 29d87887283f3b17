package ai.agenticlayer.runtime.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Marks an integration test that runs the packaged operator ({@link PackagedOperator}). These tests run twice in CI:
 * against the jar in {@code ./mvnw verify}, and against the native executable in {@code ./mvnw verify -Dnative}, which
 * runs only them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(RunsPackagedOperator.TAG)
public @interface RunsPackagedOperator {

    String TAG = "packaged";
}
