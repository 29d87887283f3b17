package ai.agenticlayer.runtime.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.agenticlayer.runtime.api.Manifests;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RunsPackagedOperator;

/**
 * {@code render} from the packaged operator (jar or native executable), as CI runs it: the operator binary with the
 * render argument prints YAML only on standard output, starts no operator and needs no cluster.
 */
@RunsPackagedOperator
class PackagedRenderIT {

    record Run(int exit, String out, String err) {
    }

    @Test
    void theSamplesRenderFromThePackagedOperator() throws Exception {
        Run run = run("kubernetes/samples");

        assertThat(run.exit()).as(run.err()).isZero();
        List<JsonNode> objects = Manifests.YAML.readValues(Manifests.YAML.createParser(run.out()), JsonNode.class).readAll();
        assertThat(objects).allSatisfy(object -> assertThat(object.path("apiVersion").asText()).isNotEmpty());
        assertThat(objects).extracting(Manifests::describe).contains("Deployment newsroom/summarizer", "Service newsroom/summarizer",
                "Agent newsroom/summarizer", "Deployment newsroom/news-fetcher", "AgenticWorkforce newsroom/newsroom");
        assertThat(run.err()).contains("Agent newsroom/news-agent: Ready=False ReconciliationFailed")
                .doesNotContain("Installed features").doesNotContain("Starting operator");
    }

    @Test
    void invalidInputExitsWithOne() throws Exception {
        Run run = run("src/test/resources-does-not-exist");
        assertThat(run.exit()).isEqualTo(RenderCommand.INVALID_INPUT);
        assertThat(run.err()).isEqualTo("render: src/test/resources-does-not-exist: no such file or directory\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void schemaAndCelViolationsAreRefusedByThePackagedBinary() throws Exception {
        Run run = runWithInput(RenderCommandTest.SCHEMA_AND_CEL_VIOLATIONS, "-");

        assertThat(run.exit()).as(run.err()).isEqualTo(RenderCommand.INVALID_INPUT);
        // the JSON-schema validator and the CEL engine, both in the packaged binary (the native one included)
        assertThat(run.err()).contains("Agent ops/negative: ").contains("spec.replicas")
                .contains("Agent ops/ambiguous: spec.tools[0].upstream: Invalid value: exactly one of toolRouteRef, toolServerRef, or external");
        assertThat(run.out()).isEmpty();
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        return runWithInput("", args);
    }

    private static Run runWithInput(String input, String... args) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("render"));
        arguments.addAll(List.of(args));
        Process process = new ProcessBuilder(PackagedOperator.command(List.of(), arguments)).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
