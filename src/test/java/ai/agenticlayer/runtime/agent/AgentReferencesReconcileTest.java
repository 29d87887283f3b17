package ai.agenticlayer.runtime.agent;

import static ai.agenticlayer.runtime.testing.Cluster.awaitExists;
import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.condition;
import static ai.agenticlayer.runtime.testing.Cluster.create;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.api.v1alpha1.ToolRoute;
import ai.agenticlayer.runtime.api.v1alpha1.ToolRouteStatus;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Reference resolution against the API server: failures in the status, convergence when references appear. */
@QuarkusTest
@QuarkusTestResource(MockApiServer.class)
class AgentReferencesReconcileTest {

    @Inject
    KubernetesClient client;

    @Test
    void parentConvergesWhenItsSubAgentAppearsAndBecomesReady() {
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: parent, namespace: converge}
                spec: {subAgents: [{name: helper, agentRef: {name: helper}}]}
                """);
        Agent waiting = awaitUntil(client, Agent.class, "converge", "parent",
                a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.FALSE, "ReconciliationFailed"));
        assertThat(condition(waiting.getStatus(), "Ready").orElseThrow().getMessage()).isEqualTo("failed to resolve 1 subAgent(s): "
                + "subAgent \"helper\": failed to resolve cluster agent converge/helper: Agent.runtime.agentic-layer.ai \"helper\" not found");
        assertThat(client.apps().deployments().inNamespace("converge").withName("parent").get()).isNull();
        // Events are written in the background
        await().atMost(Cluster.TIMEOUT).untilAsserted(() -> assertThat(warningEvents("converge", "parent"))
                .extracting(Event::getReason).contains("ReconciliationFailed"));

        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: helper, namespace: converge}
                spec: {protocols: [{type: A2A, port: 9000, path: /rpc}]}
                """);

        awaitUntil(client, Agent.class, "converge", "parent", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
        Deployment deployment = awaitExists(client, Deployment.class, "converge", "parent");
        assertThat(env(deployment, "SUB_AGENTS")).isEqualTo("{\"helper\":{\"interaction_type\":\"tool_call\","
                + "\"url\":\"http://helper.converge.svc.cluster.local:9000/rpc/.well-known/agent-card.json\"}}");
    }

    @Test
    void toolRouteMustExistAndHaveAUrl() {
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: routed, namespace: routes}
                spec: {tools: [{name: news, upstream: {toolRouteRef: {name: news-route}}}]}
                """);
        awaitUntil(client, Agent.class, "routes", "routed", a -> readyMessage(a).contains(
                "tool \"news\": failed to resolve ToolRoute routes/news-route: ToolRoute.runtime.agentic-layer.ai \"news-route\" not found"));

        ToolRoute route = (ToolRoute) create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: ToolRoute
                metadata: {name: news-route, namespace: routes}
                spec: {upstream: {external: {url: 'https://mcp.example.com/mcp'}}}
                """);
        awaitUntil(client, Agent.class, "routes", "routed",
                a -> readyMessage(a).equals("failed to resolve 1 tool(s): tool \"news\": ToolRoute routes/news-route has no URL in its Status field"));

        route.setStatus(new ToolRouteStatus());
        route.getStatus().setUrl("http://tool-gateway.tool-gateway.svc.cluster.local/routes/news-route/mcp");
        client.resource(route).updateStatus();

        awaitUntil(client, Agent.class, "routes", "routed", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
        assertThat(env(awaitExists(client, Deployment.class, "routes", "routed"), "AGENT_TOOLS"))
                .isEqualTo("{\"news\":{\"url\":\"http://tool-gateway.tool-gateway.svc.cluster.local/routes/news-route/mcp\"}}");
    }

    @Test
    void explicitAiGatewayIsUsedAndAMissingOneIsReported() {
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: AiGateway
                metadata: {name: team-llm, namespace: llm}
                spec: {port: 8080, aiModels: [{name: gpt-4o, provider: openai}]}
                """);
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: explicit, namespace: gateways}
                spec: {aiGatewayRef: {name: team-llm, namespace: llm}}
                """);
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: missing, namespace: gateways}
                spec: {aiGatewayRef: {name: nowhere}}
                """);

        Agent explicit = awaitUntil(client, Agent.class, "gateways", "explicit",
                a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
        assertThat(explicit.getStatus().getAiGatewayRef().getName()).isEqualTo("team-llm");
        assertThat(env(awaitExists(client, Deployment.class, "gateways", "explicit"), "LITELLM_PROXY_API_BASE"))
                .isEqualTo("http://team-llm.llm.svc.cluster.local.:8080");
        awaitUntil(client, Agent.class, "gateways", "missing", a -> readyMessage(a)
                .equals("failed to resolve AiGateway gateways/nowhere: AiGateway.runtime.agentic-layer.ai \"nowhere\" not found"));
    }

    @Test
    void subAgentCycleIsReportedInsteadOfDeadlocking() {
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: ping, namespace: cycle}
                spec: {subAgents: [{name: pong, agentRef: {name: pong}}]}
                """);
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: pong, namespace: cycle}
                spec: {subAgents: [{name: ping, agentRef: {name: ping}}]}
                """);

        awaitUntil(client, Agent.class, "cycle", "ping", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.FALSE, "SubAgentCycle")
                && readyMessage(a).equals("sub-agent references form a cycle: cycle/ping -> cycle/pong -> cycle/ping"));
        awaitUntil(client, Agent.class, "cycle", "pong", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.FALSE, "SubAgentCycle"));
    }

    @Test
    void specErrorsCelCannotCatchAreReportedWithTheirFieldPath() {
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: clash, namespace: invalid}
                spec: {protocols: [{type: A2A, port: 8000}, {type: A2A, port: 8000, name: second}]}
                """);

        awaitUntil(client, Agent.class, "invalid", "clash", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.FALSE, "InvalidSpec")
                && readyMessage(a).startsWith("spec.protocols[1].port: Duplicate value: \"8000\""));
        // Events are written in the background
        await().atMost(Cluster.TIMEOUT).untilAsserted(() -> assertThat(warningEvents("invalid", "clash"))
                .extracting(Event::getReason).contains("InvalidSpec"));
    }

    @Test
    void failedResolutionKeepsTheRunningDeploymentAndTheUrl() {
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: steady, namespace: steady}
                spec: {description: first}
                """);
        Agent ready = awaitUntil(client, Agent.class, "steady", "steady", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
        Deployment before = awaitExists(client, Deployment.class, "steady", "steady");

        Cluster.edit(client, Agent.class, "steady", "steady", agent -> {
            agent.getSpec().setDescription("second");
            agent.getSpec().setTools(List.of(AgentFixtures.agent("""
                    metadata: {name: x}
                    spec: {tools: [{name: gone, upstream: {toolServerRef: {name: gone}}}]}
                    """).getSpec().getTools().get(0)));
        });

        Agent failed = awaitUntil(client, Agent.class, "steady", "steady",
                a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.FALSE, "ReconciliationFailed"));
        assertThat(failed.getStatus().getUrl()).isEqualTo("http://steady.steady.svc.cluster.local:8000/.well-known/agent-card.json");
        Deployment after = client.apps().deployments().inNamespace("steady").withName("steady").get();
        assertThat(after.getMetadata().getResourceVersion()).isEqualTo(before.getMetadata().getResourceVersion());
        assertThat(env(after, "AGENT_DESCRIPTION")).isEqualTo("first");
    }

    static String env(Deployment deployment, String name) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst().orElse(null);
    }

    static String readyMessage(Agent agent) {
        return condition(agent.getStatus(), "Ready").map(c -> c.getMessage()).orElse("");
    }

    List<Event> warningEvents(String namespace, String name) {
        return client.resources(Event.class).inNamespace(namespace).list().getItems().stream()
                .filter(e -> "Warning".equals(e.getType()) && name.equals(e.getRegarding().getName())).toList();
    }
}
