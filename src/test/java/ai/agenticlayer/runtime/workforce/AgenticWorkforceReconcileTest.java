package ai.agenticlayer.runtime.workforce;

import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.condition;
import static ai.agenticlayer.runtime.testing.Cluster.create;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static ai.agenticlayer.runtime.testing.Cluster.settle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgenticWorkforce;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.api.v1alpha1.ToolRoute;
import ai.agenticlayer.runtime.api.v1alpha1.ToolRouteStatus;
import ai.agenticlayer.runtime.api.v1alpha1.TransitiveAgent;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.MockApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** AgenticWorkforces against the mock API server, starting from the reference's sample (§8). */
@QuarkusTest
@QuarkusTestResource(MockApiServer.class)
class AgenticWorkforceReconcileTest {

    @Inject
    KubernetesClient client;

    @Test
    void referenceSampleWorkforcesListTheirAgentsAndToolsAndFollowAgentReadiness() {
        for (String namespace : List.of("test-wf-ns1", "test-wf-ns2")) {
            String suffix = namespace.substring("test-wf-".length());
            create(client, """
                    apiVersion: runtime.agentic-layer.ai/v1alpha1
                    kind: ToolServer
                    metadata: {name: toolserver-%1$s, namespace: %2$s}
                    spec: {protocol: mcp, transportType: http, image: 'ghcr.io/agentic-layer/mock-agent:0.6.2', port: 8080, replicas: 1}
                    """.formatted(suffix, namespace));
            create(client, """
                    apiVersion: runtime.agentic-layer.ai/v1alpha1
                    kind: ToolRoute
                    metadata: {name: toolroute-%1$s, namespace: %2$s}
                    spec: {toolGatewayRef: {name: tool-gateway}, upstream: {toolServerRef: {name: toolserver-%1$s}}}
                    """.formatted(suffix, namespace));
        }
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: shared-agent, namespace: test-wf-ns1}
                spec:
                  framework: google-adk
                  image: ghcr.io/agentic-layer/mock-agent:0.6.2
                  tools: [{name: tool-ns1, upstream: {toolRouteRef: {name: toolroute-ns1}}}]
                """);
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: mid-agent, namespace: test-wf-ns2}
                spec:
                  framework: google-adk
                  image: ghcr.io/agentic-layer/mock-agent:0.6.2
                  tools: [{name: tool-ns2, upstream: {toolRouteRef: {name: toolroute-ns2}}}]
                  subAgents: [{name: shared, agentRef: {name: shared-agent, namespace: test-wf-ns1}}]
                """);
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: entry-agent, namespace: test-wf-ns1}
                spec:
                  framework: google-adk
                  image: ghcr.io/agentic-layer/mock-agent:0.6.2
                  subAgents: [{name: mid, agentRef: {name: mid-agent, namespace: test-wf-ns2}}]
                """);
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: AgenticWorkforce
                metadata: {name: complex-workforce, namespace: test-wf-ns1}
                spec:
                  name: Complex Agent Hierarchy
                  description: A workforce demonstrating 3-level agent hierarchies, cross-namespace references, and transitive discovery of agents and tools
                  owner: platform-team@example.com
                  entryPointAgents: [{name: entry-agent}]
                """);
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: AgenticWorkforce
                metadata: {name: simple-workforce, namespace: test-wf-ns1}
                spec:
                  name: Simple Single Agent
                  description: A simple workforce with a single agent, demonstrating agent sharing across multiple workforces
                  owner: dev-team@example.com
                  entryPointAgents: [{name: shared-agent}]
                """);

        // the ToolRoutes have no URL yet (no tool gateway), so the agents are not Ready; the workforces are
        AgenticWorkforce complex = awaitUntil(client, AgenticWorkforce.class, "test-wf-ns1", "complex-workforce",
                w -> hasCondition(w.getStatus(), "Ready", ConditionStatus.TRUE, "AllAgentsReady")
                        && hasCondition(w.getStatus(), "AgentsAvailable", ConditionStatus.FALSE, "AgentsNotReady"));
        assertThat(complex.getStatus().getTransitiveAgents()).extracting(TransitiveAgent::getNamespace, TransitiveAgent::getName)
                .containsExactly(tuple("test-wf-ns1", "entry-agent"), tuple("test-wf-ns1", "shared-agent"), tuple("test-wf-ns2", "mid-agent"));
        assertThat(complex.getStatus().getTransitiveTools())
                .containsExactly("toolroute:test-wf-ns1/toolroute-ns1", "toolroute:test-wf-ns2/toolroute-ns2");
        assertThat(complex.getStatus().getReadyAgents()).isEqualTo("0/3");
        assertThat(complex.getStatus().getObservedGeneration()).isEqualTo(complex.getMetadata().getGeneration());
        assertThat(condition(complex.getStatus(), "AgentsAvailable").orElseThrow().getMessage())
                .isEqualTo("Agents not ready: [test-wf-ns1/entry-agent test-wf-ns1/shared-agent test-wf-ns2/mid-agent]");

        AgenticWorkforce simple = awaitUntil(client, AgenticWorkforce.class, "test-wf-ns1", "simple-workforce",
                w -> hasCondition(w.getStatus(), "Ready", ConditionStatus.TRUE, "AllAgentsReady"));
        assertThat(simple.getStatus().getTransitiveAgents()).extracting(TransitiveAgent::getName).containsExactly("shared-agent");
        assertThat(simple.getStatus().getTransitiveTools()).containsExactly("toolroute:test-wf-ns1/toolroute-ns1");

        // a tool gateway publishes the route URLs: the agents turn Ready, and so does the workforce's AgentsAvailable
        for (String namespace : List.of("test-wf-ns1", "test-wf-ns2")) {
            String name = "toolroute-" + namespace.substring("test-wf-".length());
            ToolRoute route = client.resources(ToolRoute.class).inNamespace(namespace).withName(name).get();
            ToolRouteStatus status = new ToolRouteStatus();
            status.setUrl("http://tool-gateway.tool-gateway.svc.cluster.local:8080/" + namespace + "/" + name + "/mcp");
            route.setStatus(status);
            client.resource(route).updateStatus();
        }
        complex = awaitUntil(client, AgenticWorkforce.class, "test-wf-ns1", "complex-workforce",
                w -> hasCondition(w.getStatus(), "AgentsAvailable", ConditionStatus.TRUE, "AgentsReady"));
        assertThat(complex.getStatus().getReadyAgents()).isEqualTo("3/3");
        assertThat(condition(complex.getStatus(), "AgentsAvailable").orElseThrow().getMessage())
                .isEqualTo("All 3 agents of the workforce are ready");

        // stable: a change to an agent that leaves the graph as it is writes nothing to the workforces
        settle();
        int before = Cluster.mark();
        Cluster.edit(client, Agent.class, "test-wf-ns1", "shared-agent",
                shared -> shared.getSpec().setDescription("Shares its tools with every workforce"));
        awaitUntil(client, Agent.class, "test-wf-ns1", "shared-agent",
                a -> a.getStatus().getObservedGeneration().equals(a.getMetadata().getGeneration()));
        settle();
        assertThat(Cluster.writesSince(before, "/agenticworkforces")).isEmpty();
    }

    @Test
    void aMissingEntryAgentIsReportedUntilItIsCreated() {
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: AgenticWorkforce
                metadata: {name: waiting, namespace: wf-late}
                spec: {name: Waiting, description: Starts before its agent, owner: ops@example.com, entryPointAgents: [{name: latecomer}]}
                """);
        AgenticWorkforce missing = awaitUntil(client, AgenticWorkforce.class, "wf-late", "waiting",
                w -> hasCondition(w.getStatus(), "Ready", ConditionStatus.FALSE, "AgentsMissing"));
        assertThat(condition(missing.getStatus(), "Ready").orElseThrow().getMessage()).isEqualTo("Missing agents: [wf-late/latecomer]");
        assertThat(missing.getStatus().getTransitiveAgents()).extracting(TransitiveAgent::getName).containsExactly("latecomer");
        await().atMost(Cluster.TIMEOUT).until(() -> client.resources(io.fabric8.kubernetes.api.model.events.v1.Event.class)
                .inNamespace("wf-late").list().getItems().stream()
                .anyMatch(e -> "Warning".equals(e.getType()) && "AgentsMissing".equals(e.getReason())));

        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: latecomer, namespace: wf-late}
                spec: {tools: [{name: search, upstream: {external: {url: 'https://search.example.com/mcp'}}}]}
                """);

        AgenticWorkforce ready = awaitUntil(client, AgenticWorkforce.class, "wf-late", "waiting",
                w -> hasCondition(w.getStatus(), "Ready", ConditionStatus.TRUE, "AllAgentsReady"));
        assertThat(ready.getStatus().getTransitiveTools()).containsExactly("external:https://search.example.com/mcp");
        awaitUntil(client, AgenticWorkforce.class, "wf-late", "waiting", w -> "1/1".equals(w.getStatus().getReadyAgents()));
    }

    @Test
    void anAgentDroppedFromTheGraphDisappearsFromTheStatus() {
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: editor, namespace: wf-prune}
                spec: {subAgents: [{name: fact-checker, agentRef: {name: fact-checker}}, {name: partner, url: 'https://partner.example.com/a2a'}]}
                """);
        create(client, "apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: Agent\nmetadata: {name: fact-checker, namespace: wf-prune}\nspec: {}");
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: AgenticWorkforce
                metadata: {name: desk, namespace: wf-prune}
                spec: {name: Desk, description: Editing desk, owner: news@example.com, entryPointAgents: [{name: editor}]}
                """);
        awaitUntil(client, AgenticWorkforce.class, "wf-prune", "desk", w -> w.getStatus() != null
                && w.getStatus().getTransitiveAgents() != null && w.getStatus().getTransitiveAgents().size() == 3);

        Cluster.edit(client, Agent.class, "wf-prune", "editor",
                editor -> editor.getSpec().setSubAgents(List.of(editor.getSpec().getSubAgents().get(1))));

        AgenticWorkforce pruned = awaitUntil(client, AgenticWorkforce.class, "wf-prune", "desk",
                w -> w.getStatus().getTransitiveAgents().size() == 2);
        assertThat(pruned.getStatus().getTransitiveAgents()).extracting(TransitiveAgent::getName, TransitiveAgent::getUrl)
                .containsExactly(tuple("partner", "https://partner.example.com/a2a"), tuple("editor", null));
    }

    @Test
    void aCycleOfAgentsIsListedOnceAndADeletedAgentCountsAsNotReady() {
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: ping, namespace: wf-cycle}
                spec: {subAgents: [{name: pong, agentRef: {name: pong}}]}
                """);
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: pong, namespace: wf-cycle}
                spec: {subAgents: [{name: ping, agentRef: {name: ping}}]}
                """);
        create(client, "apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: Agent\nmetadata: {name: solo, namespace: wf-cycle}\nspec: {}");
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: AgenticWorkforce
                metadata: {name: loop, namespace: wf-cycle}
                spec: {name: Loop, description: Agents that call each other, owner: qa@example.com, entryPointAgents: [{name: ping}, {name: solo}]}
                """);

        AgenticWorkforce loop = awaitUntil(client, AgenticWorkforce.class, "wf-cycle", "loop",
                w -> hasCondition(w.getStatus(), "Ready", ConditionStatus.TRUE, "AllAgentsReady") && "1/3".equals(w.getStatus().getReadyAgents()));
        assertThat(loop.getStatus().getTransitiveAgents()).extracting(TransitiveAgent::getName).containsExactly("ping", "pong", "solo");
        assertThat(condition(loop.getStatus(), "AgentsAvailable").orElseThrow().getMessage())
                .isEqualTo("Agents not ready: [wf-cycle/ping wf-cycle/pong]");

        client.resources(Agent.class).inNamespace("wf-cycle").withName("solo").delete();

        AgenticWorkforce missing = awaitUntil(client, AgenticWorkforce.class, "wf-cycle", "loop",
                w -> hasCondition(w.getStatus(), "Ready", ConditionStatus.FALSE, "AgentsMissing"));
        assertThat(missing.getStatus().getReadyAgents()).isEqualTo("0/3");
        assertThat(condition(missing.getStatus(), "Ready").orElseThrow().getMessage()).isEqualTo("Missing agents: [wf-cycle/solo]");
    }
}
