package ai.agenticlayer.runtime.config;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import ai.agenticlayer.runtime.api.v1alpha1.AgentRuntimeConfiguration;
import ai.agenticlayer.runtime.api.v1alpha1.Condition;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.api.v1alpha1.ObservedStatus;
import ai.agenticlayer.runtime.cache.InformerStores;
import ai.agenticlayer.runtime.cache.StrippedItemStore;
import ai.agenticlayer.runtime.status.Conditions;
import ai.agenticlayer.runtime.status.KubeEvents;
import ai.agenticlayer.runtime.status.ReconcileFailures;
import ai.agenticlayer.runtime.status.ReconcileRetry;
import ai.agenticlayer.runtime.status.StatusUpdates;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.retry.GradualRetry;
import io.quarkiverse.operatorsdk.runtime.api.ConfigurableReconciler;

/**
 * Tells on each AgentRuntimeConfiguration whether it is in force ({@code Accepted}). With several in one namespace,
 * the oldest is; the others are {@code Conflicting} and ignored, and Agents keep working.
 */
@GradualRetry(maxAttempts = ReconcileRetry.UNLIMITED_ATTEMPTS, initialInterval = ReconcileRetry.INITIAL_INTERVAL_MILLIS,
        intervalMultiplier = ReconcileRetry.INTERVAL_MULTIPLIER, maxInterval = ReconcileRetry.MAX_INTERVAL_MILLIS)
@ControllerConfiguration(name = AgentRuntimeConfigurationReconciler.NAME, informer = @Informer(itemStore = StrippedItemStore.class))
public class AgentRuntimeConfigurationReconciler implements ConfigurableReconciler<AgentRuntimeConfiguration> {

    private static final Logger LOG = Logger.getLogger(AgentRuntimeConfigurationReconciler.class);

    public static final String NAME = "agentruntimeconfiguration";
    private static final String SIBLINGS = "namespace-siblings";
    private static final String EVENT_REPORTER = "agentruntimeconfiguration-controller";

    @Inject
    KubeEvents events;

    @Inject
    OperatorConfig config;

    @Override
    public void updateConfigurationFrom(ControllerConfigurationOverrider<AgentRuntimeConfiguration> overrider) {
        InformerStores.configurePrimary(overrider, NAME);
    }

    /** A configuration created or deleted can change which of its namespace siblings is in force. */
    @Override
    public List<EventSource<?, AgentRuntimeConfiguration>> prepareEventSources(EventSourceContext<AgentRuntimeConfiguration> context) {
        InformerStores.checkPrimary(context);
        var configuration = InformerEventSourceConfiguration.from(AgentRuntimeConfiguration.class, AgentRuntimeConfiguration.class)
                .withName(SIBLINGS)
                .withItemStore(InformerStores.stripped(context))
                .withInformerListLimit(InformerStores.LIST_PAGE)
                .withSecondaryToPrimaryMapper(changed -> context.getPrimaryCache()
                        .list(arc -> arc.getMetadata().getNamespace().equals(changed.getMetadata().getNamespace()))
                        .map(ResourceID::fromResource).collect(Collectors.toSet()))
                .withOnUpdateFilter((now, before) -> false)
                .build();
        return List.of(new InformerEventSource<>(configuration, context));
    }

    @Override
    public UpdateControl<AgentRuntimeConfiguration> reconcile(AgentRuntimeConfiguration arc, Context<AgentRuntimeConfiguration> context) {
        String namespace = arc.getMetadata().getNamespace();
        // read the siblings from the informer that reports their changes, so that a deletion it reported is seen
        @SuppressWarnings("unchecked")
        InformerEventSource<AgentRuntimeConfiguration, AgentRuntimeConfiguration> siblingsSource =
                (InformerEventSource<AgentRuntimeConfiguration, AgentRuntimeConfiguration>) context.eventSourceRetriever()
                        .getEventSourceFor(AgentRuntimeConfiguration.class, SIBLINGS);
        List<AgentRuntimeConfiguration> siblings = Stream.concat(Stream.of(arc), siblingsSource
                .list(other -> namespace.equals(other.getMetadata().getNamespace())
                        && !other.getMetadata().getName().equals(arc.getMetadata().getName())))
                .toList();
        ObservedStatus status = ConfigurationSelection.status(arc, siblings, config.operatorNamespace(), Instant.now());
        Condition accepted = Conditions.find(status.getConditions(), Conditions.ACCEPTED).orElseThrow();
        if (accepted.getStatus() != ConditionStatus.TRUE) {
            events.warnOnChange(context.getClient(), EVENT_REPORTER, arc, arc.getStatus() == null ? null : arc.getStatus().getConditions(),
                    accepted);
        }
        StatusUpdates.write(arc, status, AgentRuntimeConfiguration::new, context);
        return UpdateControl.noUpdate();
    }

    @Override
    public ErrorStatusUpdateControl<AgentRuntimeConfiguration> updateErrorStatus(AgentRuntimeConfiguration configuration,
            Context<AgentRuntimeConfiguration> context, Exception e) {
        if (!StatusUpdates.isConflict(e)) {
            ReconcileFailures.log(LOG, configuration, e);
        }
        return ErrorStatusUpdateControl.defaultErrorProcessing();
    }
}
