package ai.agenticlayer.runtime.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgenticWorkforce;
import ai.agenticlayer.runtime.api.v1alpha1.Condition;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.api.v1alpha1.TransitiveAgent;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Discovery of a workforce's agents and tools (reference §4.2 and its §8 samples), without a cluster. */
class WorkforceGraphTest {

    /** The Agents of the reference's workforce sample. */
    static final List<Agent> SAMPLE_AGENTS = List.of(
            agent("""
                    metadata: {name: shared-agent, namespace: test-wf-ns1}
                    spec: {framework: google-adk, tools: [{name: tool-ns1, upstream: {toolRouteRef: {name: toolroute-ns1}}}]}
                    """),
            agent("""
                    metadata: {name: mid-agent, namespace: test-wf-ns2}
                    spec:
                      tools: [{name: tool-ns2, upstream: {toolRouteRef: {name: toolroute-ns2}}}]
                      subAgents: [{name: shared, agentRef: {name: shared-agent, namespace: test-wf-ns1}}]
                    """),
            agent("""
                    metadata: {name: entry-agent, namespace: test-wf-ns1}
                    spec: {subAgents: [{name: mid, agentRef: {name: mid-agent, namespace: test-wf-ns2}}]}
                    """));

    static Agent agent(String yaml) {
        return Serialization.unmarshal("apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: Agent\n" + yaml, Agent.class);
    }

    static AgenticWorkforce workforce(String namespace, String... entryPoints) {
        StringBuilder yaml = new StringBuilder("apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: AgenticWorkforce\nmetadata: {name: wf, namespace: ")
                .append(namespace).append("}\nspec:\n  name: n\n  description: d\n  owner: o\n  entryPointAgents:\n");
        for (String entry : entryPoints) {
            String[] parts = entry.split("/");
            yaml.append(parts.length == 2 ? "  - {namespace: " + parts[0] + ", name: " + parts[1] + "}\n" : "  - {name: " + entry + "}\n");
        }
        return Serialization.unmarshal(yaml.toString(), AgenticWorkforce.class);
    }

    static WorkforceGraph.AgentLookup lookup(List<Agent> agents) {
        return (namespace, name) -> agents.stream()
                .filter(a -> a.getMetadata().getNamespace().equals(namespace) && a.getMetadata().getName().equals(name)).findFirst();
    }

    static WorkforceGraph.AgentLookup lookup(Agent... agents) {
        return lookup(Arrays.asList(agents));
    }

    @Test
    void complexSampleWorkforceReachesThreeAgentsAcrossTwoNamespacesAndTwoToolRoutes() {
        WorkforceGraph graph = WorkforceGraph.discover(workforce("test-wf-ns1", "entry-agent"), lookup(SAMPLE_AGENTS));

        assertThat(graph.missingEntryPoints()).isEmpty();
        assertThat(graph.agents()).extracting(TransitiveAgent::getNamespace, TransitiveAgent::getName, TransitiveAgent::getUrl)
                .containsExactly(
                        tuple("test-wf-ns1", "entry-agent", null),
                        tuple("test-wf-ns1", "shared-agent", null),
                        tuple("test-wf-ns2", "mid-agent", null));
        assertThat(graph.tools()).containsExactly("toolroute:test-wf-ns1/toolroute-ns1", "toolroute:test-wf-ns2/toolroute-ns2");
        assertThat(WorkforceConditions.ready(graph, 1L)).extracting(Condition::getStatus, Condition::getReason, Condition::getMessage)
                .containsExactly(ConditionStatus.TRUE, "AllAgentsReady", "All entry point agents are available");
    }

    @Test
    void simpleSampleWorkforceReachesTheSharedAgentAndItsRoute() {
        WorkforceGraph graph = WorkforceGraph.discover(workforce("test-wf-ns1", "shared-agent"), lookup(SAMPLE_AGENTS));

        assertThat(graph.agents()).extracting(TransitiveAgent::getName).containsExactly("shared-agent");
        assertThat(graph.tools()).containsExactly("toolroute:test-wf-ns1/toolroute-ns1");
        assertThat(graph.clusterAgents()).containsExactly("test-wf-ns1/shared-agent");
    }

    @Test
    void aCycleEndsAndEachAgentIsListedOnce() {
        WorkforceGraph graph = WorkforceGraph.discover(workforce("loop", "ping"), lookup(
                agent("metadata: {name: ping, namespace: loop}\nspec: {subAgents: [{name: pong, agentRef: {name: pong}}]}"),
                agent("metadata: {name: pong, namespace: loop}\nspec: {subAgents: [{name: ping, agentRef: {name: ping}}]}")));

        assertThat(graph.agents()).extracting(TransitiveAgent::getName).containsExactly("ping", "pong");
    }

    @Test
    void aRemoteAgentSharedByTwoAgentsIsListedOnceByUrlWithTheLastNameGiven() {
        WorkforceGraph graph = WorkforceGraph.discover(workforce("remote", "a", "b"), lookup(
                agent("metadata: {name: a, namespace: remote}\nspec: {subAgents: [{name: Translator, url: 'https://translate.example.com/.well-known/agent-card.json'}]}"),
                agent("""
                        metadata: {name: b, namespace: remote}
                        spec:
                          subAgents: [{name: translation-service, url: 'https://translate.example.com/.well-known/agent-card.json'}]
                          tools:
                          - {name: web, upstream: {external: {url: 'https://mcp.example.com/mcp'}}}
                          - {name: files, upstream: {toolServerRef: {name: files, namespace: shared-tools}}}
                          - {name: files-again, upstream: {toolServerRef: {name: files, namespace: shared-tools}}}
                        """)));

        assertThat(graph.agents()).extracting(TransitiveAgent::getNamespace, TransitiveAgent::getName, TransitiveAgent::getUrl)
                .containsExactly(
                        tuple(null, "translation-service", "https://translate.example.com/.well-known/agent-card.json"),
                        tuple("remote", "a", null),
                        tuple("remote", "b", null));
        assertThat(graph.tools()).containsExactly("external:https://mcp.example.com/mcp", "toolserver:shared-tools/files");
        assertThat(graph.clusterAgents()).containsExactly("remote/a", "remote/b");
    }

    @Test
    void missingAgentsAreStillListedAndMissingEntryPointsReportedInSpecOrder() {
        WorkforceGraph graph = WorkforceGraph.discover(workforce("team", "ghost", "other/phantom", "lead"), lookup(
                agent("metadata: {name: lead, namespace: team}\nspec: {subAgents: [{name: helper, agentRef: {name: helper}}]}")));

        assertThat(graph.missingEntryPoints()).containsExactly("team/ghost", "other/phantom");
        assertThat(graph.agents()).extracting(TransitiveAgent::getNamespace, TransitiveAgent::getName).containsExactly(
                tuple("other", "phantom"), tuple("team", "ghost"), tuple("team", "helper"), tuple("team", "lead"));
        assertThat(WorkforceConditions.ready(graph, 3L)).extracting(Condition::getStatus, Condition::getReason, Condition::getMessage,
                Condition::getObservedGeneration)
                .containsExactly(ConditionStatus.FALSE, "AgentsMissing", "Missing agents: [team/ghost other/phantom]", 3L);
    }

    @Test
    void agentsAvailableNamesTheAgentsThatAreNotReady() {
        WorkforceGraph graph = WorkforceGraph.discover(workforce("test-wf-ns1", "entry-agent"), lookup(SAMPLE_AGENTS));
        Set<String> ready = Set.of("test-wf-ns1/shared-agent");

        assertThat(WorkforceConditions.agentsAvailable(graph, ready::contains, 1L))
                .extracting(Condition::getStatus, Condition::getReason, Condition::getMessage)
                .containsExactly(ConditionStatus.FALSE, "AgentsNotReady", "Agents not ready: [test-wf-ns1/entry-agent test-wf-ns2/mid-agent]");
        assertThat(WorkforceConditions.readyAgents(graph, ready::contains)).isEqualTo("1/3");
        assertThat(WorkforceConditions.agentsAvailable(graph, key -> true, 1L))
                .extracting(Condition::getStatus, Condition::getReason, Condition::getMessage)
                .containsExactly(ConditionStatus.TRUE, "AgentsReady", "All 3 agents of the workforce are ready");
    }

    @Test
    void theOrderOfEntryPointsDoesNotChangeTheLists() {
        WorkforceGraph forward = WorkforceGraph.discover(workforce("test-wf-ns1", "entry-agent", "shared-agent"), lookup(SAMPLE_AGENTS));
        WorkforceGraph backward = WorkforceGraph.discover(workforce("test-wf-ns1", "shared-agent", "entry-agent"), lookup(SAMPLE_AGENTS));

        assertThat(backward).usingRecursiveComparison().isEqualTo(forward);
        assertThat(forward.agents()).extracting(TransitiveAgent::getName).containsExactly("entry-agent", "shared-agent", "mid-agent");
    }
}
