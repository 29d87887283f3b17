package ai.agenticlayer.runtime.workforce;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgenticWorkforce;
import ai.agenticlayer.runtime.api.v1alpha1.AgenticWorkforceStatus;
import ai.agenticlayer.runtime.api.v1alpha1.Condition;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.status.Conditions;

/** What a workforce reports about its graph: the original's {@code Ready}, and which agents are not ready yet. */
public final class WorkforceConditions {

    public static final String AGENTS_AVAILABLE = "AgentsAvailable";

    private WorkforceConditions() {
    }

    /** True when every entry point exists (the original's meaning; readiness of agents is {@link #agentsAvailable}). */
    /** The status: the graph discovered through the Agents as they are now, and the conditions that follow. */
    public static AgenticWorkforceStatus status(AgenticWorkforce workforce, WorkforceGraph.AgentLookup lookup, Instant now) {
        WorkforceGraph graph = WorkforceGraph.discover(workforce, lookup);
        Predicate<String> ready = key -> {
            String[] namespaceAndName = key.split("/", 2);
            return lookup.apply(namespaceAndName[0], namespaceAndName[1]).filter(WorkforceConditions::isReady).isPresent();
        };
        Long generation = workforce.getMetadata().getGeneration();
        AgenticWorkforceStatus previous = workforce.getStatus();
        AgenticWorkforceStatus status = new AgenticWorkforceStatus();
        status.setTransitiveAgents(graph.agents());
        status.setTransitiveTools(graph.tools());
        status.setReadyAgents(readyAgents(graph, ready));
        status.setConditions(Conditions.merge(previous == null ? null : previous.getConditions(),
                List.of(ready(graph, generation), agentsAvailable(graph, ready, generation)), now));
        status.setObservedGeneration(generation);
        return status;
    }

    static boolean isReady(Agent agent) {
        return agent.getStatus() != null && Conditions.find(agent.getStatus().getConditions(), Conditions.READY)
                .filter(c -> c.getStatus() == ConditionStatus.TRUE).isPresent();
    }

    public static Condition ready(WorkforceGraph graph, Long generation) {
        return graph.missingEntryPoints().isEmpty()
                ? Conditions.condition(Conditions.READY, true, "AllAgentsReady", "All entry point agents are available", generation)
                : Conditions.condition(Conditions.READY, false, "AgentsMissing",
                        "Missing agents: " + goList(graph.missingEntryPoints()), generation);
    }

    /** Names the Agents of the graph that are missing or not {@code Ready}. */
    public static Condition agentsAvailable(WorkforceGraph graph, Predicate<String> isReady, Long generation) {
        List<String> notReady = graph.clusterAgents().stream().filter(isReady.negate()).toList();
        return notReady.isEmpty()
                ? Conditions.condition(AGENTS_AVAILABLE, true, "AgentsReady",
                        "All " + graph.clusterAgents().size() + " agents of the workforce are ready", generation)
                : Conditions.condition(AGENTS_AVAILABLE, false, "AgentsNotReady",
                        "Agents not ready: " + goList(notReady), generation);
    }

    /** {@code <ready>/<total>} over the Agents of the cluster, for the printer column. */
    public static String readyAgents(WorkforceGraph graph, Predicate<String> isReady) {
        return graph.clusterAgents().stream().filter(isReady).count() + "/" + graph.clusterAgents().size();
    }

    /** A list as Go's {@code %v} prints a string slice: {@code [a b]}. */
    private static String goList(List<String> values) {
        return "[" + String.join(" ", values) + "]";
    }
}
