package ai.agenticlayer.runtime.agent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.SubAgent;

/**
 * Finds a cycle of sub-agent references through an Agent. The original operator deadlocked on such cycles (each agent
 * waiting for the other's URL); here the cycle is named in the status instead.
 */
public final class SubAgentCycles {

    private SubAgentCycles() {
    }

    /** The agents of a cycle that starts and ends at the given Agent, as {@code ns/name} keys, or empty. */
    public static Optional<List<String>> through(Agent agent, ReferenceLookup lookup) {
        String start = key(agent.getMetadata().getNamespace(), agent.getMetadata().getName());
        Deque<String> path = new ArrayDeque<>();
        path.add(start);
        return search(agent, start, path, new HashSet<>(), lookup);
    }

    private static Optional<List<String>> search(Agent current, String start, Deque<String> path, Set<String> visited,
            ReferenceLookup lookup) {
        for (SubAgent subAgent : current.getSpec().getSubAgents() == null ? List.<SubAgent> of() : current.getSpec().getSubAgents()) {
            if (subAgent.getAgentRef() == null || subAgent.getAgentRef().getName() == null) {
                continue;
            }
            String namespace = AgentReferences.namespaceOr(subAgent.getAgentRef(), current.getMetadata().getNamespace());
            String next = key(namespace, subAgent.getAgentRef().getName());
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return Optional.of(cycle);
            }
            if (visited.add(next)) {
                Optional<Agent> nextAgent = lookup.agent(namespace, subAgent.getAgentRef().getName());
                if (nextAgent.isPresent() && nextAgent.get().getSpec() != null) {
                    path.addLast(next);
                    Optional<List<String>> cycle = search(nextAgent.get(), start, path, visited, lookup);
                    if (cycle.isPresent()) {
                        return cycle;
                    }
                    path.removeLast();
                }
            }
        }
        return Optional.empty();
    }

    static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}
