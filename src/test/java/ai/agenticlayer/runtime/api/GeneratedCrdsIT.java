package ai.agenticlayer.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.ApiKinds;

/**
 * The CRDs in kubernetes/crds are copies of what the build generates into target/kubernetes. Runs after
 * {@code package}; refresh the copies with {@code ./mvnw verify -DupdateManifests=true}.
 */
class GeneratedCrdsIT {

    private static final Path GENERATED = Path.of("target", "kubernetes");
    private static final String GENERATED_SUFFIX = "-v1.yml";
    private static final boolean UPDATE = Boolean.getBoolean("updateManifests");

    @Test
    void committedCrdsAreThoseTheBuildGenerates() throws IOException {
        Map<String, String> generated = generatedCrds();
        assertThat(generated).hasSize(ApiKinds.ALL.size());
        if (UPDATE) {
            replaceCommittedCrds(generated);
        }
        Map<String, String> committed = new TreeMap<>();
        for (Path file : Manifests.yamlFilesIn(Manifests.CRDS)) {
            committed.put(file.getFileName().toString(), Files.readString(file));
        }
        assertThat(committed)
                .as("kubernetes/crds differs from the CRDs the build generated; run ./mvnw verify -DupdateManifests=true "
                        + "and commit the result")
                .isEqualTo(generated);
    }

    private static Map<String, String> generatedCrds() throws IOException {
        Map<String, String> crds = new TreeMap<>();
        try (Stream<Path> files = Files.list(GENERATED)) {
            for (Path file : files.filter(f -> f.toString().endsWith(GENERATED_SUFFIX)).toList()) {
                String name = file.getFileName().toString();
                crds.put(name.substring(0, name.length() - GENERATED_SUFFIX.length()) + ".yaml", Files.readString(file));
            }
        }
        return crds;
    }

    private static void replaceCommittedCrds(Map<String, String> generated) throws IOException {
        for (Path stale : Manifests.yamlFilesIn(Manifests.CRDS)) {
            Files.delete(stale);
        }
        for (Map.Entry<String, String> crd : generated.entrySet()) {
            Files.writeString(Manifests.CRDS.resolve(crd.getKey()), crd.getValue());
        }
    }
}
