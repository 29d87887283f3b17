package ai.agenticlayer.runtime.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import ai.agenticlayer.runtime.api.Manifests;

/**
 * The Deployments and Services of the samples and of the differential corpus, byte for byte as they were before the
 * pod identity and placement fields existed (src/test/resources/golden/children.yaml): an object that sets none of
 * the fields the operator gained since gets exactly the children it got, so an upgrade rolls nothing. Refresh it with
 * {@code -DupdateManifests=true} only for a change that is meant to roll every such Deployment.
 */
class ChildrenGoldenTest {

    static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "children.yaml");
    /** Keys sorted: the order of labels and annotations is not part of what the API server stores. */
    private static final ObjectMapper SORTED_YAML = new ObjectMapper(new YAMLFactory().enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Test
    void objectsThatSetNoNewFieldGetTheChildrenTheyGotBefore() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> inputs = new ArrayList<>(Manifests.yamlFilesIn(Manifests.SAMPLES).stream().map(Path::toString).toList());
        inputs.add("src/test/resources/differential/corpus.yaml"); // not samples/platform: those set the new fields
        int exit = RenderCommand.run(inputs,
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(RenderCommand.RENDERED);
        StringBuilder children = new StringBuilder();
        for (JsonNode object : Manifests.YAML.readValues(Manifests.YAML.createParser(out.toByteArray()), JsonNode.class).readAll()) {
            if (List.of("Deployment", "Service").contains(object.path("kind").asText())) {
                children.append(SORTED_YAML.writeValueAsString(SORTED_YAML.convertValue(object, Map.class)));
            }
        }
        if (Boolean.getBoolean("updateManifests")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, children);
        }
        assertThat(children.toString()).as("children differ from %s", GOLDEN).isEqualTo(Files.readString(GOLDEN))
                .contains("kind: Deployment", "kind: Service");
    }
}
