package ai.agenticlayer.runtime.metrics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.api.v1alpha1.ObservedStatus;
import ai.agenticlayer.runtime.cache.Caches;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Gauges of the fleet the operator runs, computed from its informer caches at scrape time, in one pass per kind
 * ({@link FleetTally}), with no API request.
 * Labels take a handful of values each, never a resource name, so the series stay few however many objects exist.
 * Before its caches have started (the first moments of a start) a replica counts 0, not NaN. Standbys keep warm
 * caches, so every replica reports the same figures.
 */
@ApplicationScoped
public class FleetMetrics {

    static final String RESOURCES = "agent_runtime_resources";
    static final String REFERENCE_FAILURES = "agent_runtime_agent_reference_failures";
    static final String CHILD_CONFLICTS = "agent_runtime_child_conflicts";

    @Inject
    MeterRegistry registry;

    /** Agents whose references of a kind (its label value) do not resolve, as of their last reconcile. */
    private final Map<ResourceID, Set<String>> failedReferences = new ConcurrentHashMap<>();
    private volatile IndexedResourceCache<? extends CustomResource<?, ?>> agents;

    /**
     * Counts the objects of a kind by the status of each condition ({@code Unknown} when absent), and those whose
     * {@code Ready} reason is {@code ResourceConflict} when the kind has children.
     */
    public <R extends CustomResource<?, ? extends ObservedStatus>> void watch(String kind, IndexedResourceCache<R> cache,
            List<String> conditions, boolean hasChildren) {
        FleetTally tally = new FleetTally(cache, conditions);
        // a gauge holds its object weakly, and nothing else holds a tally: without a strong reference it reads NaN
        // from the first garbage collection on
        for (String type : conditions) {
            for (ConditionStatus status : FleetTally.STATUSES) {
                Gauge.builder(RESOURCES, tally, t -> t.count(type, status))
                        .description("Objects of this operator's kinds by the status of a condition")
                        .tags("kind", kind, "condition", type, "status", status.value())
                        .strongReference(true)
                        .register(registry);
            }
        }
        if (hasChildren) {
            Gauge.builder(CHILD_CONFLICTS, tally, FleetTally::conflicts)
                    .description("Objects whose Deployment or Service name is taken by an object the operator does not own")
                    .tags("kind", kind)
                    .strongReference(true)
                    .register(registry);
        }
    }

    /**
     * Starts the reference-failure gauges, one per kind of reference (the {@code reference} label's values); Agents
     * that no longer exist drop out of them.
     */
    public void watchAgentReferences(IndexedResourceCache<? extends CustomResource<?, ?>> agentCache, List<String> referenceKinds) {
        this.agents = agentCache;
        for (String reference : referenceKinds) {
            Gauge.builder(REFERENCE_FAILURES, this, metrics -> metrics.failing(reference))
                    .description("Agents with at least one reference of this kind that does not resolve")
                    .tags("reference", reference)
                    .register(registry);
        }
    }

    /** Records the kinds of reference the last reconcile of an Agent found unresolvable (none when it resolved all). */
    public void agentReferences(ResourceID agent, Set<String> failed) {
        if (failed.isEmpty()) {
            failedReferences.remove(agent);
        } else {
            failedReferences.put(agent, Set.copyOf(failed));
        }
    }

    private double failing(String reference) {
        IndexedResourceCache<? extends CustomResource<?, ?>> cache = agents;
        failedReferences.keySet().removeIf(id -> Caches.started(cache) && cache.get(id).isEmpty());
        return failedReferences.values().stream().filter(kinds -> kinds.contains(reference)).count();
    }
}
