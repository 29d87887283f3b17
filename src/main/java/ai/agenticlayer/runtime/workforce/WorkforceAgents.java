package ai.agenticlayer.runtime.workforce;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ai.agenticlayer.runtime.api.v1alpha1.AgenticWorkforce;
import ai.agenticlayer.runtime.api.v1alpha1.AgenticWorkforceStatus;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The Agents each workforce reached when it was last reconciled (its entry points and the agents its status lists), so
 * that an Agent change re-reconciles exactly the workforces whose graph holds it. They are registered before the
 * status the workforce reports is read: an Agent that changes after that read finds its workforces here. An index over
 * the cached workforce would only learn them when the status write came back through the informer, and an Agent that
 * changed in between would be missed until the next resync.
 */
final class WorkforceAgents {

    private final Map<ResourceID, Set<String>> reached = new ConcurrentHashMap<>();

    /**
     * The workforce's status, read from {@code lookup} after every Agent it reaches is registered. A read that reaches
     * an Agent not yet registered (by this call or the workforce's last reconcile) registers it and reads again; what
     * is registered only grows within a call, so this ends. An unchanged graph is read once.
     */
    AgenticWorkforceStatus status(AgenticWorkforce workforce, WorkforceGraph.AgentLookup lookup, Instant now) {
        ResourceID id = ResourceID.fromResource(workforce);
        Set<String> registered = new HashSet<>(reached.getOrDefault(id, Set.of()));
        while (true) {
            AgenticWorkforceStatus status = WorkforceConditions.status(workforce, lookup, now);
            List<String> keys = keys(workforce, status);
            if (registered.containsAll(keys)) {
                // each was registered before this read; Agents the graph no longer reaches are dropped
                reached.put(id, Set.copyOf(keys));
                return status;
            }
            registered.addAll(keys);
            reached.put(id, Set.copyOf(registered));
        }
    }

    /** The workforces that reached the Agent {@code key} ({@link WorkforceGraph#key}); those no longer present are forgotten. */
    Set<ResourceID> reaching(String key, Predicate<ResourceID> present) {
        reached.keySet().removeIf(present.negate());
        return reached.entrySet().stream().filter(entry -> entry.getValue().contains(key)).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static List<String> keys(AgenticWorkforce workforce, AgenticWorkforceStatus status) {
        String namespace = workforce.getMetadata().getNamespace();
        Stream<String> entryPoints = Optional.ofNullable(workforce.getSpec().getEntryPointAgents()).orElse(List.of()).stream()
                .filter(Objects::nonNull)
                .map(ref -> WorkforceGraph.key(ref.getNamespace() == null || ref.getNamespace().isEmpty() ? namespace : ref.getNamespace(),
                        ref.getName()));
        Stream<String> reachedAgents = Optional.ofNullable(status.getTransitiveAgents()).orElse(List.of()).stream()
                .filter(agent -> agent.getNamespace() != null)
                .map(agent -> WorkforceGraph.key(agent.getNamespace(), agent.getName()));
        return Stream.concat(entryPoints, reachedAgents).distinct().toList();
    }
}
