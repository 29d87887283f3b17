package ai.agenticlayer.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Static defaults live in the CRDs, so the API server applies them without any webhook; computed defaults
 * (protocol name, ToolServer path) are the reconcilers' job.
 */
class SchemaDefaultsTest {

    private static JsonNode defaulted(String kind, String yaml) {
        return Crds.validatorFor(kind).applyDefaults(Manifests.parse(yaml));
    }

    @Test
    void toolServerDefaultsToMcpOverHttpOnPort8080() {
        JsonNode spec = defaulted("ToolServer", "spec: {image: mcp/news:1.0}").path("spec");

        assertThat(spec.path("protocol").asText()).isEqualTo("mcp");
        assertThat(spec.path("transportType").asText()).isEqualTo("http");
        assertThat(spec.path("port").asInt()).isEqualTo(8080);
        assertThat(spec.has("path")).as("path depends on the transport: computed at reconcile time").isFalse();
        assertThat(spec.has("replicas")).as("unset replicas are left to whoever scales the Deployment").isFalse();
    }

    @Test
    void agentProtocolDefaultsToA2aOnPort8000AndSubAgentsToToolCalls() {
        JsonNode spec = defaulted("Agent", """
                spec:
                  protocols: [{}]
                  subAgents: [{name: s, url: 'https://a.example.com/card.json'}]
                """).path("spec");

        assertThat(spec.at("/protocols/0/type").asText()).isEqualTo("A2A");
        assertThat(spec.at("/protocols/0/port").asInt()).isEqualTo(8000);
        assertThat(spec.at("/protocols/0").has("name")).as("the port name is computed from type and port").isFalse();
        assertThat(spec.at("/subAgents/0/interactionType").asText()).isEqualTo("tool_call");
        assertThat(spec.path("exposed").asBoolean(true)).isFalse();
        assertThat(spec.has("replicas")).isFalse();
    }

    @Test
    void gatewaysDefaultTheirReplicasTimeoutAndPort() {
        JsonNode agentGateway = defaulted("AgentGateway", "spec: {}").path("spec");
        JsonNode aiGateway = defaulted("AiGateway", "spec: {aiModels: [{name: gpt-4o, provider: openai}]}").path("spec");

        assertThat(agentGateway.path("replicas").asInt()).isEqualTo(1);
        assertThat(agentGateway.path("timeout").asText()).isEqualTo("360s");
        assertThat(aiGateway.path("port").asInt()).isEqualTo(80);
    }
}
