package ai.agenticlayer.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.agenticlayer.runtime.testing.RealApiServer;

/**
 * src/main/crd/pod-api-schemas-from-api-server.yaml is the real kube-apiserver's schema of each core type that only
 * our CRDs embed, converted to structural form. Refresh it with {@code ./mvnw verify -DupdateManifests=true}.
 */
class PodApiSchemasIT {

    @Test
    void theKeptSchemasAreTheApiServersSchemasOfTheCoreTypes() throws IOException {
        JsonNode openApi;
        String version;
        try (RealApiServer server = RealApiServer.start("pod-api-schemas"); var client = server.adminClient()) {
            openApi = new ObjectMapper().readTree(client.raw(server.url() + "/openapi/v3/api/v1"));
            version = client.getKubernetesVersion().getGitVersion();
        }
        Map<String, JsonNode> fromApiServer = new LinkedHashMap<>();
        PodApiSchemas.FROM_API_SERVER.forEach(type -> fromApiServer.put(type, PodApiSchemas.structural(openApi, type)));
        if (Boolean.getBoolean("updateManifests")) {
            Files.writeString(PodApiSchemas.FROM_API_SERVER_FILE, """
                    # The Pod API's schemas of the fields that only our CRDs embed (node selector, tolerations, affinity,
                    # topology spread constraints, security context), by type and field. Converted by PodApiSchemas.structural from the
                    # /openapi/v3/api/v1 of kube-apiserver %s (../shared/k8s) by PodApiSchemasIT, which keeps them
                    # equal; CrdCompleter puts them into the generated CRDs.
                    """.formatted(version) + CrdCompleter.YAML.writeValueAsString(fromApiServer));
        }
        assertThat(PodApiSchemas.read(PodApiSchemas.FROM_API_SERVER_FILE))
                .as("%s differs from the API server's; run with -DupdateManifests=true", PodApiSchemas.FROM_API_SERVER_FILE)
                .isEqualTo(fromApiServer);
        assertThat(fromApiServer.get("PodSpec.tolerations").at("/items/properties/operator/enum").toString())
                .isEqualTo("[\"\",\"Equal\",\"Exists\"]");
        assertThat(fromApiServer.get("PodSpec.topologySpreadConstraints").get("x-kubernetes-list-map-keys").toString())
                .isEqualTo("[\"topologyKey\",\"whenUnsatisfiable\"]");
    }
}
