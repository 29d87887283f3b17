package ai.agenticlayer.runtime.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RunsPackagedOperator;

/**
 * The native executable's built-in heap defaults (application.properties), which every way of running it gets: the
 * image passes no -Xmx. The JVM image's heap comes from its base image's run-java.sh instead (JvmImageTest).
 */
@RunsPackagedOperator
class NativeHeapIT {

    @Test
    void underA512MiLimitTheHeapIsHalfOfItWithASixteenMiBYoungGeneration() throws Exception {
        assumeTrue(PackagedOperator.isNative(), "the native executable's defaults");
        // MaxRAM stands in for the container's memory limit, which the executable otherwise reads from its cgroup;
        // VerboseGC prints the heap's bounds at the first collection, which rendering the samples reaches
        Process process = new ProcessBuilder(PackagedOperator.command(List.of("-XX:MaxRAM=512m", "-XX:+VerboseGC"),
                List.of("render", "kubernetes/samples"))).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output).contains("Maximum heap size: 255M").contains("Maximum young generation size: 16M");
    }
}
