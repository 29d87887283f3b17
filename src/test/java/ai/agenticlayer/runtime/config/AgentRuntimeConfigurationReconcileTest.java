package ai.agenticlayer.runtime.config;

import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.condition;
import static ai.agenticlayer.runtime.testing.Cluster.create;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.AgentRuntimeConfiguration;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Agent defaults from AgentRuntimeConfigurations: precedence Agent > namespace ARC > operator-namespace ARC >
 * built-in, conflicting ARCs, and Agents following every change.
 */
@QuarkusTest
@QuarkusTestResource(MockApiServer.class)
class AgentRuntimeConfigurationReconcileTest {

    /** The operator namespace in tests: POD_NAMESPACE is unset, so the property's default applies. */
    private static final String OPERATOR_NAMESPACE = "agent-runtime-operator-system";
    private static final String BUILT_IN_ADK = "ghcr.io/agentic-layer/agent-template-adk:0.8.0";

    @Inject
    KubernetesClient client;

    @Test
    void operatorNamespaceConfigurationChoosesMsafAndItsChangesRetargetAgentsThatNameNoFramework() {
        createAgent("fleet", "follower", "{}");
        createAgent("fleet", "pinned", "{framework: google-adk}");
        awaitImage("fleet", "follower", BUILT_IN_ADK);
        try {
            create(client, """
                    apiVersion: runtime.agentic-layer.ai/v1alpha1
                    kind: AgentRuntimeConfiguration
                    metadata: {name: cluster-defaults, namespace: agent-runtime-operator-system}
                    spec:
                      defaultFramework: msaf
                      agentTemplateImages: {msaf: registry.example.com/msaf-template:2.0.0}
                    """);

            Deployment follower = awaitImage("fleet", "follower", "registry.example.com/msaf-template:2.0.0");
            assertThat(follower.getMetadata().getLabels()).containsEntry("framework", "msaf");
            assertThat(image(deployment("fleet", "pinned"))).isEqualTo(BUILT_IN_ADK);
            AgentRuntimeConfiguration accepted = awaitUntil(client, AgentRuntimeConfiguration.class, OPERATOR_NAMESPACE, "cluster-defaults",
                    arc -> hasCondition(arc.getStatus(), "Accepted", ConditionStatus.TRUE, "Accepted"));
            assertThat(condition(accepted.getStatus(), "Accepted").orElseThrow().getMessage())
                    .isEqualTo("In force for Agents of every namespace");

            Cluster.edit(client, AgentRuntimeConfiguration.class, OPERATOR_NAMESPACE, "cluster-defaults", changed -> {
                changed.getSpec().getAgentTemplateImages().setGoogleAdk("registry.example.com/adk-template:1.0.0");
                changed.getSpec().setDefaultFramework(null);
            });

            follower = awaitImage("fleet", "follower", "registry.example.com/adk-template:1.0.0");
            assertThat(follower.getMetadata().getLabels()).containsEntry("framework", "google-adk");
            awaitImage("fleet", "pinned", "registry.example.com/adk-template:1.0.0");
        } finally {
            client.resources(AgentRuntimeConfiguration.class).inNamespace(OPERATOR_NAMESPACE).withName("cluster-defaults").delete();
        }
        // without any configuration, the built-in defaults come back
        awaitImage("fleet", "follower", BUILT_IN_ADK);
    }

    @Test
    void namespaceConfigurationRefinesTheDefaultsForItsNamespaceOnly() {
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: AgentRuntimeConfiguration
                metadata: {name: research-defaults, namespace: research-lab}
                spec:
                  defaultFramework: msaf
                  agentTemplateImages: {msaf: registry.example.com/lab-msaf:3.1.0}
                  securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}
                """);
        createAgent("research-lab", "scholar", "{}");
        createAgent("research-lab", "classicist", "{framework: google-adk}");
        createAgent("elsewhere", "outsider", "{}");

        Deployment scholar = awaitImage("research-lab", "scholar", "registry.example.com/lab-msaf:3.1.0");
        assertThat(scholar.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(scholar.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext().getCapabilities()).isNull();
        awaitImage("research-lab", "classicist", BUILT_IN_ADK);
        Deployment outsider = awaitImage("elsewhere", "outsider", BUILT_IN_ADK);
        assertThat(outsider.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext().getCapabilities().getDrop())
                .containsExactly("ALL");
        AgentRuntimeConfiguration arc = awaitUntil(client, AgentRuntimeConfiguration.class, "research-lab", "research-defaults",
                a -> hasCondition(a.getStatus(), "Accepted", ConditionStatus.TRUE, "Accepted"));
        assertThat(condition(arc.getStatus(), "Accepted").orElseThrow().getMessage()).isEqualTo(
                "In force for Agents of namespace research-lab, refining the defaults of namespace agent-runtime-operator-system");
    }

    @Test
    void aSecondConfigurationInANamespaceConflictsAndTakesOverWhenTheFirstIsDeleted() {
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: AgentRuntimeConfiguration
                metadata: {name: alpha, namespace: contested}
                spec: {agentTemplateImages: {googleAdk: registry.example.com/alpha-adk:1.0.0}}
                """);
        createAgent("contested", "worker", "{}");
        awaitImage("contested", "worker", "registry.example.com/alpha-adk:1.0.0");

        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: AgentRuntimeConfiguration
                metadata: {name: beta, namespace: contested}
                spec: {agentTemplateImages: {googleAdk: registry.example.com/beta-adk:1.0.0}}
                """);
        AgentRuntimeConfiguration beta = awaitUntil(client, AgentRuntimeConfiguration.class, "contested", "beta",
                arc -> hasCondition(arc.getStatus(), "Accepted", ConditionStatus.FALSE, "Conflicting"));
        assertThat(condition(beta.getStatus(), "Accepted").orElseThrow().getMessage()).isEqualTo(
                "AgentRuntimeConfiguration contested/alpha is older and in force; only one per namespace is used, so this one is ignored");
        await().atMost(Cluster.TIMEOUT).until(() -> client.resources(Event.class).inNamespace("contested").list().getItems().stream()
                .anyMatch(e -> "Warning".equals(e.getType()) && "Conflicting".equals(e.getReason())
                        && "beta".equals(e.getRegarding().getName()) && e.getNote().contains("contested/alpha is older")));
        awaitUntil(client, AgentRuntimeConfiguration.class, "contested", "alpha",
                arc -> hasCondition(arc.getStatus(), "Accepted", ConditionStatus.TRUE, "Accepted"));
        assertThat(image(deployment("contested", "worker"))).isEqualTo("registry.example.com/alpha-adk:1.0.0");

        client.resources(AgentRuntimeConfiguration.class).inNamespace("contested").withName("alpha").delete();

        awaitUntil(client, AgentRuntimeConfiguration.class, "contested", "beta",
                arc -> hasCondition(arc.getStatus(), "Accepted", ConditionStatus.TRUE, "Accepted"));
        awaitImage("contested", "worker", "registry.example.com/beta-adk:1.0.0");
    }

    private void createAgent(String namespace, String name, String spec) {
        Cluster.createAgent(client, namespace, name, spec);
    }

    private Deployment awaitImage(String namespace, String name, String image) {
        return awaitUntil(client, Deployment.class, namespace, name, d -> image.equals(image(d)));
    }

    private Deployment deployment(String namespace, String name) {
        return client.apps().deployments().inNamespace(namespace).withName(name).get();
    }

    private static String image(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }
}
