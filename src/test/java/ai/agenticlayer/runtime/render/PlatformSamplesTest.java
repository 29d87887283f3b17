package ai.agenticlayer.runtime.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.agenticlayer.runtime.api.Manifests;

/** The platform samples (README, "Running agents on a platform") do what the README says, as render shows it. */
class PlatformSamplesTest {

    @Test
    void everyAgentIsReadyAndRunsWithTheIdentityRegistryAndPlacementItsSampleSets() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = RenderCommand.run(List.of(Manifests.PLATFORM_SAMPLES.toString()), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(RenderCommand.RENDERED);
        List<JsonNode> objects = Manifests.YAML.readValues(Manifests.YAML.createParser(out.toByteArray()), JsonNode.class).readAll();

        assertThat(objects.stream().filter(o -> o.path("kind").asText().equals("Agent")))
                .hasSize(4).allSatisfy(agent -> assertThat(agent.at("/status/conditions").toString())
                        .as(agent.at("/metadata/name").asText()).contains("\"type\":\"Ready\",\"status\":\"True\""));
        assertThat(pod(objects, "claims-assistant").path("serviceAccountName").asText()).isEqualTo("bedrock-caller");
        assertThat(pod(objects, "catalog-assistant").path("automountServiceAccountToken").asBoolean(true)).isFalse();
        assertThat(pod(objects, "refund-agent").at("/imagePullSecrets/0/name").asText()).isEqualTo("registry-credentials");
        JsonNode payments = pod(objects, "payments-assistant");
        assertThat(payments.at("/nodeSelector/pool").asText()).isEqualTo("agents");
        assertThat(payments.at("/tolerations/0/key").asText()).isEqualTo("dedicated");
        assertThat(payments.at("/topologySpreadConstraints/0/topologyKey").asText()).isEqualTo("topology.kubernetes.io/zone");
        assertThat(payments.path("priorityClassName").asText()).isEqualTo("agents");
        assertThat(pod(objects, "currency-rates").at("/nodeSelector/pool").asText()).isEqualTo("agents");
    }

    private static JsonNode pod(List<JsonNode> objects, String name) {
        return objects.stream().filter(o -> o.path("kind").asText().equals("Deployment") && o.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no Deployment " + name)).at("/spec/template/spec");
    }
}
