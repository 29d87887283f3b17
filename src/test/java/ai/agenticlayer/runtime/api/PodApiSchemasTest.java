package ai.agenticlayer.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.agenticlayer.runtime.differential.Original;

/**
 * src/main/crd/pod-api-schemas.yaml is the original operator's schema of each embedded core type, so that our CRDs
 * accept and require what the Pod API does. Refresh it with {@code -DupdateManifests=true}.
 */
class PodApiSchemasTest {

    @Test
    void theKeptSchemasAreTheOriginalsSchemasOfTheCoreTypes() throws IOException {
        Map<String, JsonNode> fromOriginal = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> type : PodApiSchemas.IN_ORIGINAL.entrySet()) {
            JsonNode crd = CrdCompleter.YAML.readTree(Original.CRDS.resolve(type.getValue()[0]).toFile());
            ObjectNode schema = (ObjectNode) crd.at(type.getValue()[1]).deepCopy();
            if (!type.getValue()[1].endsWith("/items")) {
                schema.remove("description"); // the field's description, not the type's
            }
            fromOriginal.put(type.getKey(), schema);
        }
        if (Boolean.getBoolean("updateManifests")) {
            Files.writeString(PodApiSchemas.FILE, """
                    # The Pod API's schemas of the core types that the CRDs embed (env, envFrom, volumes, volumeMounts,
                    # resources, imagePullSecrets, secret keys), by type. Taken from the original operator's CRDs (controller-gen
                    # v0.20.1 over k8s.io/api v0.36.3, Kubernetes 1.36; ../shared/original/crds) by PodApiSchemasTest,
                    # which keeps them equal; CrdCompleter puts them into the generated CRDs.
                    """ + CrdCompleter.YAML.writeValueAsString(fromOriginal));
        }
        assertThat(PodApiSchemas.read(PodApiSchemas.FILE))
                .as("%s differs from the original's CRDs; run with -DupdateManifests=true", PodApiSchemas.FILE)
                .isEqualTo(fromOriginal);
    }
}
