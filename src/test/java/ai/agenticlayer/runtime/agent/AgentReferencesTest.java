package ai.agenticlayer.runtime.agent;

import static ai.agenticlayer.runtime.agent.AgentFixtures.agent;
import static ai.agenticlayer.runtime.agent.AgentFixtures.lookup;
import static ai.agenticlayer.runtime.agent.AgentFixtures.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AiGateway;
import ai.agenticlayer.runtime.api.v1alpha1.ToolRoute;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;

class AgentReferencesTest {

    private static final Agent PARENT = agent("""
            metadata: {name: parent, namespace: team}
            spec:
              subAgents:
                - {name: helper, agentRef: {name: helper}}
                - {name: remote, url: 'https://remote.example.com/card.json'}
                - {name: elsewhere, agentRef: {name: other, namespace: other-team}}
              tools:
                - {name: routed, upstream: {toolRouteRef: {name: route}}}
                - {name: direct, upstream: {toolServerRef: {name: server, namespace: tools}}}
                - {name: web, upstream: {external: {url: 'https://mcp.example.com/mcp'}}}
            """);

    @Test
    void resolvesEveryReferenceToItsUrl() {
        var resolution = AgentReferences.resolve(PARENT, lookup(
                agent("metadata: {name: helper, namespace: team}\nstatus: {url: 'http://helper.team.svc.cluster.local:8000/.well-known/agent-card.json'}"),
                agent("metadata: {name: other, namespace: other-team}\nstatus: {url: 'http://other/card'}"),
                object("apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: ToolRoute\nmetadata: {name: route, namespace: team}\n"
                        + "status: {url: 'http://gw/team/route/mcp'}", ToolRoute.class),
                object("apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: ToolServer\nmetadata: {name: server, namespace: tools}\n"
                        + "status: {url: 'http://server.tools.svc.cluster.local:8080/mcp'}", ToolServer.class)), "ai-gateway");

        assertThat(resolution.failed()).isFalse();
        assertThat(resolution.resolved().subAgentUrls()).containsExactly(
                entry("helper", "http://helper.team.svc.cluster.local:8000/.well-known/agent-card.json"),
                entry("remote", "https://remote.example.com/card.json"),
                entry("elsewhere", "http://other/card"));
        assertThat(resolution.resolved().toolUrls()).containsExactly(
                entry("routed", "http://gw/team/route/mcp"),
                entry("direct", "http://server.tools.svc.cluster.local:8080/mcp"),
                entry("web", "https://mcp.example.com/mcp"));
        assertThat(resolution.resolved().aiGateway()).isEmpty();
    }

    @Test
    void collectsEveryFailureInTheOriginalWording() {
        var resolution = AgentReferences.resolve(PARENT, lookup(
                agent("metadata: {name: helper, namespace: team}"),
                object("apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: ToolServer\nmetadata: {name: server, namespace: tools}",
                        ToolServer.class)), "ai-gateway");

        assertThat(resolution.message()).isEqualTo("failed to resolve 2 subAgent(s): "
                + "subAgent \"helper\": cluster Agent team/helper has no URL in its Status field (may not be ready or have A2A protocol); "
                + "subAgent \"elsewhere\": failed to resolve cluster agent other-team/other: Agent.runtime.agentic-layer.ai \"other\" not found; "
                + "failed to resolve 2 tool(s): "
                + "tool \"routed\": failed to resolve ToolRoute team/route: ToolRoute.runtime.agentic-layer.ai \"route\" not found; "
                + "tool \"direct\": ToolServer tools/server has no URL in its Status field");
    }

    @Test
    void explicitAiGatewayMustExist() {
        Agent agent = agent("metadata: {name: a, namespace: team}\nspec: {aiGatewayRef: {name: llm}}");

        var resolution = AgentReferences.resolve(agent, lookup(), "ai-gateway");

        assertThat(resolution.message())
                .isEqualTo("failed to resolve AiGateway team/llm: AiGateway.runtime.agentic-layer.ai \"llm\" not found");
    }

    @Test
    void defaultAiGatewayIsTheOldestOfTheDefaultNamespaceThenByName() {
        Agent agent = agent("metadata: {name: a, namespace: team}\nspec: {}");
        AiGateway newer = gateway("a-newer", "2026-02-01T00:00:00Z");
        AiGateway older = gateway("z-older", "2026-01-01T00:00:00Z");
        AiGateway olderSameTime = gateway("y-older", "2026-01-01T00:00:00Z");

        var resolution = AgentReferences.resolve(agent, lookup(newer, older, olderSameTime), "ai-gateway");

        assertThat(resolution.resolved().aiGateway()).get().extracting(g -> g.getMetadata().getName()).isEqualTo("y-older");
    }

    @Test
    void noAiGatewayInTheDefaultNamespaceIsNoError() {
        var resolution = AgentReferences.resolve(agent("metadata: {name: a, namespace: team}\nspec: {}"), lookup(), "ai-gateway");

        assertThat(resolution.failed()).isFalse();
        assertThat(resolution.resolved().aiGateway()).isEmpty();
    }

    private static AiGateway gateway(String name, String created) {
        return object("apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: AiGateway\nmetadata: {name: " + name
                + ", namespace: ai-gateway, creationTimestamp: '" + created + "'}\nspec: {port: 80}", AiGateway.class);
    }
}
