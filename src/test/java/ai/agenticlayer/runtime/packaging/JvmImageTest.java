package ai.agenticlayer.runtime.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@code Dockerfile.jvm}'s JVM options as the base image's run-java.sh puts them together: its GC option
 * ({@code GC_CONTAINER_OPTIONS}, {@code -XX:+UseParallelGC} unless set) before {@code JAVA_OPTS_APPEND}. A JVM of the
 * image's version must start with them: a second GC, or an option Java 17 does not know, would stop the pod at start.
 */
class JvmImageTest {

    private static final Path DOCKERFILE = Path.of("src", "main", "docker", "Dockerfile.jvm");
    private static final Pattern ENV = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    @Test
    void theImagesJvmOptionsSelectOneGcAndStartAJvm() throws IOException, InterruptedException {
        String gc = env("GC_CONTAINER_OPTIONS");
        List<String> appended = Arrays.asList(env("JAVA_OPTS_APPEND").split("\\s+"));
        assertThat(gc).as("the GC, chosen the way run-java.sh lets an image choose it").isEqualTo("-XX:+UseSerialGC");
        assertThat(appended).as("JAVA_OPTS_APPEND comes after run-java.sh's GC option: no GC here")
                .noneMatch(option -> option.matches("-XX:\\+Use\\w*GC"));

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), gc));
        command.addAll(appended);
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor()).as(output).isZero();
        assertThat(Runtime.version().feature()).as("the image's Java").isEqualTo(17);
    }

    private static String env(String name) throws IOException {
        for (String line : Files.readAllLines(DOCKERFILE)) {
            Matcher variable = ENV.matcher(line);
            while (line.startsWith("ENV ") && variable.find()) {
                if (variable.group(1).equals(name)) {
                    return variable.group(2);
                }
            }
        }
        throw new AssertionError(name + " is not set in " + DOCKERFILE);
    }
}
