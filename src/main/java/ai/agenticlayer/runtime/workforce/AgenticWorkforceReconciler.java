package ai.agenticlayer.runtime.workforce;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import ai.agenticlayer.runtime.agent.AgentCache;
import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgenticWorkforce;
import ai.agenticlayer.runtime.api.v1alpha1.AgenticWorkforceStatus;
import ai.agenticlayer.runtime.api.v1alpha1.Condition;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.cache.InformerStores;
import ai.agenticlayer.runtime.cache.StrippedItemStore;
import ai.agenticlayer.runtime.metrics.FleetMetrics;
import ai.agenticlayer.runtime.status.Conditions;
import ai.agenticlayer.runtime.status.KubeEvents;
import ai.agenticlayer.runtime.status.Pause;
import ai.agenticlayer.runtime.status.ReconcileFailures;
import ai.agenticlayer.runtime.status.ReconcileRetry;
import ai.agenticlayer.runtime.status.StatusUpdates;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.retry.GradualRetry;
import io.quarkiverse.operatorsdk.runtime.api.ConfigurableReconciler;

/**
 * Lists the agents and tools each AgenticWorkforce reaches and tells whether its entry points exist and its agents are
 * ready. It writes only the workforce's status; an Agent change re-reconciles exactly the workforces whose graph
 * contains that Agent ({@link WorkforceAgents}).
 */
@GradualRetry(maxAttempts = ReconcileRetry.UNLIMITED_ATTEMPTS, initialInterval = ReconcileRetry.INITIAL_INTERVAL_MILLIS,
        intervalMultiplier = ReconcileRetry.INTERVAL_MULTIPLIER, maxInterval = ReconcileRetry.MAX_INTERVAL_MILLIS)
@ControllerConfiguration(name = AgenticWorkforceReconciler.NAME, informer = @Informer(itemStore = StrippedItemStore.class))
public class AgenticWorkforceReconciler implements ConfigurableReconciler<AgenticWorkforce> {

    private static final Logger LOG = Logger.getLogger(AgenticWorkforceReconciler.class);

    public static final String NAME = "agenticworkforce";
    static final String EVENT_REPORTER = "agenticworkforce-controller";

    @Inject
    KubeEvents events;

    @Inject
    FleetMetrics metrics;

    @Inject
    AgentCache agentCache;

    private final WorkforceAgents workforceAgents = new WorkforceAgents();

    @Override
    public void updateConfigurationFrom(ControllerConfigurationOverrider<AgenticWorkforce> overrider) {
        InformerStores.configurePrimary(overrider, NAME);
        Pause.configure(overrider);
    }

    @Override
    public List<EventSource<?, AgenticWorkforce>> prepareEventSources(EventSourceContext<AgenticWorkforce> context) {
        InformerStores.checkPrimary(context);
        metrics.watch("AgenticWorkforce", context.getPrimaryCache(), List.of(Conditions.READY, WorkforceConditions.AGENTS_AVAILABLE),
                false);
        return List.of(agentCache.changes("workforce-agents", (before, now) -> affectedBy(context.getPrimaryCache(), before, now)));
    }

    /** The workforces whose graph holds a new, deleted or changed Agent: a new spec, or readiness, matter to them. */
    private Set<ResourceID> affectedBy(IndexedResourceCache<AgenticWorkforce> workforces, Agent before, Agent now) {
        boolean relevant = before == null || now == null
                || !Objects.equals(now.getMetadata().getGeneration(), before.getMetadata().getGeneration())
                || WorkforceConditions.isReady(now) != WorkforceConditions.isReady(before);
        Agent changed = now == null ? before : now;
        return relevant ? workforceAgents.reaching(WorkforceGraph.key(changed.getMetadata().getNamespace(), changed.getMetadata().getName()),
                id -> workforces.get(id).isPresent()) : Set.of();
    }

    @Override
    public UpdateControl<AgenticWorkforce> reconcile(AgenticWorkforce workforce, Context<AgenticWorkforce> context) {
        if (Pause.requested(workforce)) {
            Pause.report(workforce, AgenticWorkforceStatus::new, AgenticWorkforce::new, context);
            return UpdateControl.noUpdate();
        }
        WorkforceGraph.AgentLookup lookup = agentCache::get;
        AgenticWorkforceStatus status = workforceAgents.status(workforce, lookup, Instant.now());
        Condition ready = Conditions.find(status.getConditions(), Conditions.READY).orElseThrow();
        if (ready.getStatus() != ConditionStatus.TRUE) {
            events.warnOnChange(context.getClient(), EVENT_REPORTER, workforce,
                    workforce.getStatus() == null ? null : workforce.getStatus().getConditions(), ready);
        }
        StatusUpdates.write(workforce, status, AgenticWorkforce::new, context);
        return UpdateControl.noUpdate();
    }

    @Override
    public ErrorStatusUpdateControl<AgenticWorkforce> updateErrorStatus(AgenticWorkforce workforce, Context<AgenticWorkforce> context,
            Exception e) {
        if (!StatusUpdates.isConflict(e)) {
            ReconcileFailures.log(LOG, workforce, e);
        }
        return ErrorStatusUpdateControl.defaultErrorProcessing();
    }
}
