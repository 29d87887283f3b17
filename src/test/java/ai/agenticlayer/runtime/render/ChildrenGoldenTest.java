package ai.agenticlayer.runtime.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.Manifests;

/**
 * The Deployments and Services of the samples and of the differential corpus, byte for byte as they were before the
 * pod identity and placement fields existed (src/test/resources/golden/children.yaml): an object that sets none of
 * the fields the operator gained since gets exactly the children it got, so an upgrade rolls nothing. Refresh it with
 * {@code -DupdateManifests=true} only for a change that is meant to roll every such Deployment.
 */
class ChildrenGoldenTest {

    static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "children.yaml");

    @Test
    void objectsThatSetNoNewFieldGetTheChildrenTheyGotBefore() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = RenderCommand.run(List.of(Manifests.SAMPLES.toString(), "src/test/resources/differential/corpus.yaml"),
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(RenderCommand.RENDERED);
        String children = Arrays.stream(out.toString(StandardCharsets.UTF_8).split("(?m)^---\n"))
                .filter(document -> document.contains("\nkind: Deployment\n") || document.contains("\nkind: Service\n"))
                .map(document -> "---\n" + document)
                .collect(Collectors.joining());
        if (Boolean.getBoolean("updateManifests")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, children);
        }
        assertThat(children).as("children differ from %s", GOLDEN).isEqualTo(Files.readString(GOLDEN));
        assertThat(children).contains("kind: Deployment", "kind: Service");
    }
}
