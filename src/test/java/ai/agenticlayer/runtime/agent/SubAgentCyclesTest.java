package ai.agenticlayer.runtime.agent;

import static ai.agenticlayer.runtime.agent.AgentFixtures.agent;
import static ai.agenticlayer.runtime.agent.AgentFixtures.lookup;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;

class SubAgentCyclesTest {

    private static Agent agentReferencing(String name, String namespace, String target) {
        return agent("metadata: {name: " + name + ", namespace: " + namespace + "}\nspec: {subAgents: [{name: s, agentRef: " + target + "}]}");
    }

    @Test
    void aCycleAcrossNamespacesIsFoundFromEachOfItsAgents() {
        Agent a = agentReferencing("a", "one", "{name: b, namespace: two}");
        Agent b = agentReferencing("b", "two", "{name: c}");
        Agent c = agentReferencing("c", "two", "{name: a, namespace: one}");
        ReferenceLookup lookup = lookup(a, b, c);

        assertThat(SubAgentCycles.through(a, lookup)).contains(List.of("one/a", "two/b", "two/c", "one/a"));
        assertThat(SubAgentCycles.through(c, lookup)).contains(List.of("two/c", "one/a", "two/b", "two/c"));
    }

    @Test
    void aSharedSubAgentIsNoCycle() {
        Agent shared = agent("metadata: {name: shared, namespace: n}\nspec: {}");
        Agent mid = agentReferencing("mid", "n", "{name: shared}");
        Agent top = agent("metadata: {name: top, namespace: n}\nspec: {subAgents: [{name: m, agentRef: {name: mid}}, {name: s, agentRef: {name: shared}}]}");

        assertThat(SubAgentCycles.through(top, lookup(shared, mid, top))).isEmpty();
    }

    @Test
    void anAgentReferencingItselfIsACycle() {
        Agent self = agentReferencing("self", "n", "{name: self}");

        assertThat(SubAgentCycles.through(self, lookup(self))).contains(List.of("n/self", "n/self"));
    }
}
