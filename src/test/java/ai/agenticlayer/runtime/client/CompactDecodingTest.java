package ai.agenticlayer.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The client the operator and its informers read with decodes recurring values into one instance each, and empty
 * additional-property maps into the shared one, without changing what a decoded object holds or encodes to.
 */
@QuarkusTest
@QuarkusTestResource(MockApiServer.class)
class CompactDecodingTest {

    private static final String DEPLOYMENT = """
            {"apiVersion": "apps/v1", "kind": "Deployment",
             "metadata": {"name": "%s", "namespace": "team-a", "labels": {"app.kubernetes.io/component": "agent"}},
             "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "agent",
               "image": "ghcr.io/agentic-layer/agent-template-adk:0.8.0", "args": ["--port", "8000"],
               "env": [{"name": "AGENT_NAME", "value": "%1$s"}]}]}}}}""";

    @Inject
    KubernetesClient client;

    @Test
    void twoDeploymentsShareTheirRecurringValues() {
        Deployment first = read(DEPLOYMENT.formatted("weather"), Deployment.class);
        Deployment second = read(DEPLOYMENT.formatted("news"), Deployment.class);

        assertThat(second.getApiVersion()).isSameAs(first.getApiVersion());
        assertThat(second.getMetadata().getNamespace()).isSameAs(first.getMetadata().getNamespace());
        assertThat(second.getMetadata().getLabels().get("app.kubernetes.io/component"))
                .isSameAs(first.getMetadata().getLabels().get("app.kubernetes.io/component"));
        var firstContainer = first.getSpec().getTemplate().getSpec().getContainers().get(0);
        var secondContainer = second.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(secondContainer.getImage()).isSameAs(firstContainer.getImage());
        assertThat(secondContainer.getArgs().get(0)).isSameAs(firstContainer.getArgs().get(0));
        assertThat(secondContainer.getEnv().get(0).getName()).isSameAs(firstContainer.getEnv().get(0).getName());
        assertThat(second.getMetadata().getName()).isEqualTo("news");
    }

    @Test
    void twoAgentsShareTheirRecurringValues() {
        String agent = """
                {"apiVersion": "runtime.agentic-layer.ai/v1alpha1", "kind": "Agent",
                 "metadata": {"name": "%s", "namespace": "team-a"}, "spec": {"model": "gemini/gemini-2.5-flash"}}""";
        Agent first = read(agent.formatted("weather"), Agent.class);
        Agent second = read(agent.formatted("news"), Agent.class);

        assertThat(second.getSpec().getModel()).isSameAs(first.getSpec().getModel());
        assertThat(second.getMetadata().getNamespace()).isSameAs(first.getMetadata().getNamespace());
    }

    @Test
    void aScalarInAStringFieldReadsAsWithJacksonsOwnDeserializer() {
        Deployment decoded = read("""
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "weather", "labels": {"tier": 2}},
                 "spec": {"template": {"spec": {"containers": [{"name": "agent", "image": null, "args": [8000, true]}]}}}}""",
                Deployment.class);

        assertThat(decoded.getMetadata().getLabels()).containsEntry("tier", "2");
        var container = decoded.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isNull();
        assertThat(container.getArgs()).containsExactly("8000", "true");
    }

    @Test
    void emptyAdditionalPropertiesAreOneSharedMap() {
        Deployment first = read(DEPLOYMENT.formatted("weather"), Deployment.class);
        Deployment second = read(DEPLOYMENT.formatted("news"), Deployment.class);

        var podSpec = first.getSpec().getTemplate().getSpec();
        assertThat(podSpec.getAdditionalProperties()).isEmpty();
        assertThat(second.getSpec().getTemplate().getSpec().getAdditionalProperties()).isSameAs(podSpec.getAdditionalProperties());
        assertThat(podSpec.getContainers().get(0).getAdditionalProperties()).isSameAs(podSpec.getAdditionalProperties());
        assertThat(first.getMetadata().getAdditionalProperties()).isSameAs(podSpec.getAdditionalProperties());
    }

    @Test
    void aFieldTheModelDoesNotKnowIsKeptAndEncoded() {
        String json = """
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "weather"},
                 "spec": {"replicas": 1, "futureField": "on"}}""";

        Deployment decoded = read(json, Deployment.class);

        assertThat(decoded.getSpec().getAdditionalProperties()).containsEntry("futureField", "on");
        assertThat(serialization().convertValue(decoded, JsonNode.class)).isEqualTo(serialization().unmarshal(json, JsonNode.class));
    }

    @Test
    void aDecodedObjectEncodesAsItWasSentAndEditsThroughItsBuilder() {
        String json = DEPLOYMENT.formatted("weather");
        Deployment decoded = read(json, Deployment.class);

        assertThat(serialization().convertValue(decoded, JsonNode.class)).isEqualTo(serialization().unmarshal(json, JsonNode.class));
        Deployment edited = new DeploymentBuilder(decoded).editSpec().addToAdditionalProperties("futureField", "on").endSpec().build();
        assertThat(edited.getSpec().getAdditionalProperties()).containsEntry("futureField", "on");
        assertThat(decoded.getSpec().getAdditionalProperties()).isEmpty();
    }

    @Test
    void aGenericResourceKeepsAMapItCanAddTo() {
        GenericKubernetesResource generic = read("{\"apiVersion\": \"batch/v1\", \"kind\": \"Job\", \"metadata\": {\"name\": \"x\"}}",
                GenericKubernetesResource.class);

        generic.setAdditionalProperty("spec", Map.of("parallelism", 1));

        assertThat(generic.getAdditionalProperties()).containsKey("spec");
    }

    private <T> T read(String json, Class<T> type) {
        return serialization().unmarshal(json, type);
    }

    private KubernetesSerialization serialization() {
        return client.getKubernetesSerialization();
    }
}
