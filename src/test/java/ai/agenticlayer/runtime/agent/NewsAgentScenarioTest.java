package ai.agenticlayer.runtime.agent;

import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AiGateway;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The worked example: a template agent with an external tool that propagates headers, a remote sub-agent and the
 * default AI gateway. Everything the agent image reads must be exactly what the original operator wrote.
 */
@QuarkusTest
@QuarkusTestResource(MockApiServer.class)
class NewsAgentScenarioTest {

    @Inject
    KubernetesClient client;

    @Test
    void newsAgentGetsTheOriginalOperatorsDeploymentServiceAndStatus() {
        Cluster.create(client, Serialization.unmarshal("""
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: AiGateway
                metadata: {name: litellm, namespace: ai-gateway}
                spec:
                  port: 4000
                  aiModels: [{name: gemini/gemini-2.5-flash, provider: gemini}]
                """, AiGateway.class));
        Cluster.create(client, Serialization.unmarshal("""
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: news-agent, namespace: news}
                spec:
                  framework: google-adk
                  description: Finds and summarises news
                  instruction: You are a news agent & you cite <sources>.
                  model: gemini/gemini-2.5-flash
                  protocols: [{type: A2A, port: 8000}]
                  subAgents:
                    - name: summarizer-v2
                      url: https://summarizer.example.com/.well-known/agent-card.json
                      interactionType: transfer
                  tools:
                    - name: news-search
                      upstream: {external: {url: ' https://mcp.news.example.com/mcp '}}
                      propagatedHeaders: [Authorization, X-Request-Id]
                """, Agent.class));

        Agent agent = awaitUntil(client, Agent.class, "news", "news-agent",
                a -> Cluster.hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
        Deployment deployment = client.apps().deployments().inNamespace("news").withName("news-agent").get();
        Service service = client.services().inNamespace("news").withName("news-agent").get();

        assertThat(agent.getStatus().getUrl())
                .isEqualTo("http://news-agent.news.svc.cluster.local:8000/.well-known/agent-card.json");
        assertThat(agent.getStatus().getAiGatewayRef().getName()).isEqualTo("litellm");
        assertThat(agent.getStatus().getAiGatewayRef().getNamespace()).isEqualTo("ai-gateway");
        assertThat(Cluster.condition(agent.getStatus(), "Ready").orElseThrow().getMessage()).isEqualTo("Agent is ready");
        assertThat(agent.getStatus().getObservedGeneration()).isEqualTo(agent.getMetadata().getGeneration());

        assertThat(deployment.getMetadata().getLabels()).containsEntry("app", "news-agent").containsEntry("framework", "google-adk");
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of("app", "news-agent"));
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("app", "news-agent");
        assertThat(deployment.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(ref -> {
                    assertThat(ref.getKind()).isEqualTo("Agent");
                    assertThat(ref.getController()).isTrue();
                });
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getName()).isEqualTo("agent");
        assertThat(container.getImage()).isEqualTo("ghcr.io/agentic-layer/agent-template-adk:0.8.0");
        assertThat(container.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("a2a-8000");
            assertThat(port.getContainerPort()).isEqualTo(8000);
            assertThat(port.getProtocol()).isEqualTo("TCP");
        });
        assertThat(container.getEnv()).extracting(EnvVar::getName, EnvVar::getValue).containsExactly(
                env("AGENT_A2A_RPC_URL", "http://news-agent.news.svc.cluster.local:8000"),
                env("AGENT_DESCRIPTION", "Finds and summarises news"),
                env("AGENT_INSTRUCTION", "You are a news agent & you cite <sources>."),
                env("AGENT_MODEL", "gemini/gemini-2.5-flash"),
                env("AGENT_NAME", "news_agent"),
                env("AGENT_TOOLS", "{\"news-search\":{\"propagate_headers\":[\"Authorization\",\"X-Request-Id\"],"
                        + "\"url\":\"https://mcp.news.example.com/mcp\"}}"),
                env("LITELLM_PROXY_API_BASE", "http://litellm.ai-gateway.svc.cluster.local.:4000"),
                env("LITELLM_PROXY_API_KEY", "news/news-agent"),
                env("OTEL_SEMCONV_STABILITY_OPT_IN", "gen_ai_latest_experimental"),
                env("OTEL_SERVICE_NAME", "news-agent"),
                env("SUB_AGENTS", "{\"summarizer_v2\":{\"interaction_type\":\"transfer\","
                        + "\"url\":\"https://summarizer.example.com/.well-known/agent-card.json\"}}"),
                env("USE_LITELLM_PROXY", "True"));
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/.well-known/agent-card.json");
        assertThat(container.getReadinessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(8000);
        assertThat(List.of(container.getReadinessProbe().getInitialDelaySeconds(), container.getReadinessProbe().getPeriodSeconds(),
                container.getReadinessProbe().getTimeoutSeconds(), container.getReadinessProbe().getSuccessThreshold(),
                container.getReadinessProbe().getFailureThreshold())).containsExactly(10, 10, 3, 1, 10);
        assertThat(container.getResources().getRequests())
                .containsOnly(entry("memory", new Quantity("300Mi")), entry("cpu", new Quantity("100m")));
        assertThat(container.getResources().getLimits())
                .containsOnly(entry("memory", new Quantity("500Mi")), entry("cpu", new Quantity("500m")));
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getSelector()).isEqualTo(Map.of("app", "news-agent"));
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("a2a-8000");
            assertThat(port.getPort()).isEqualTo(8000);
            assertThat(port.getTargetPort().getIntVal()).isEqualTo(8000);
            assertThat(port.getProtocol()).isEqualTo("TCP");
        });
    }

    private static Tuple env(String name, String value) {
        return Tuple.tuple(name, value);
    }
}
