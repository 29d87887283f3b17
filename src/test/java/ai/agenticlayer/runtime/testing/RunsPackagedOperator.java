package ai.agenticlayer.runtime.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Marks an integration test that runs the packaged operator ({@link PackagedOperator}). {@code ./mvnw verify -Dnative}
 * (CI) runs these tests twice: against the jar, as {@code ./mvnw verify} runs every integration test, and then against
 * the native executable.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(RunsPackagedOperator.TAG)
public @interface RunsPackagedOperator {

    String TAG = "packaged";
}
