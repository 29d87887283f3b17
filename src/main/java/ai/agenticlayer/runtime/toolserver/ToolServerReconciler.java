package ai.agenticlayer.runtime.toolserver;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServerStatus;
import ai.agenticlayer.runtime.cache.InformerStores;
import ai.agenticlayer.runtime.cache.StrippedItemStore;
import ai.agenticlayer.runtime.children.ChildrenWorkflow;
import ai.agenticlayer.runtime.children.ResourceConflictException;
import ai.agenticlayer.runtime.config.OperatorConfig;
import ai.agenticlayer.runtime.configsource.ConfigSourceInformers;
import ai.agenticlayer.runtime.configsource.ConfigSources;
import ai.agenticlayer.runtime.metrics.FleetMetrics;
import ai.agenticlayer.runtime.status.Conditions;
import ai.agenticlayer.runtime.status.KubeEvents;
import ai.agenticlayer.runtime.status.Pause;
import ai.agenticlayer.runtime.status.ReconcileFailures;
import ai.agenticlayer.runtime.status.ReconcileRetry;
import ai.agenticlayer.runtime.status.StatusUpdates;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.retry.GradualRetry;
import io.quarkiverse.operatorsdk.runtime.api.ConfigurableReconciler;

/**
 * Runs each ToolServer as a Deployment and a Service, and publishes its MCP URL in the status, where Agents and
 * ToolRoutes read it.
 */
@Workflow(explicitInvocation = true, dependents = {
        @Dependent(type = ToolServerDeploymentResource.class),
        @Dependent(type = ToolServerServiceResource.class)
})
@GradualRetry(maxAttempts = ReconcileRetry.UNLIMITED_ATTEMPTS, initialInterval = ReconcileRetry.INITIAL_INTERVAL_MILLIS,
        intervalMultiplier = ReconcileRetry.INTERVAL_MULTIPLIER, maxInterval = ReconcileRetry.MAX_INTERVAL_MILLIS)
@ControllerConfiguration(name = ToolServerReconciler.NAME, informer = @Informer(itemStore = StrippedItemStore.class))
public class ToolServerReconciler implements ConfigurableReconciler<ToolServer> {

    public static final String NAME = "toolserver";
    static final String EVENT_REPORTER = "toolserver-controller";
    /** Who set the path, as {@code managedFields} shows it. */
    static final String FIELD_MANAGER = "agent-runtime-operator";
    private static final Logger LOG = Logger.getLogger(ToolServerReconciler.class);

    @Inject
    KubeEvents events;

    @Inject
    FleetMetrics metrics;

    @Inject
    OperatorConfig config;

    @Override
    public void updateConfigurationFrom(ControllerConfigurationOverrider<ToolServer> overrider) {
        InformerStores.configurePrimary(overrider, NAME);
        Pause.configure(overrider);
    }

    @Override
    public List<EventSource<?, ToolServer>> prepareEventSources(EventSourceContext<ToolServer> context) {
        InformerStores.checkPrimary(context);
        metrics.watch("ToolServer", context.getPrimaryCache(), List.of(Conditions.READY, Conditions.AVAILABLE), true);
        return config.configRolloutEnabled() ? ConfigSourceInformers.register(context, ToolServer.class,
                toolServer -> ConfigSources.of(toolServer.getSpec().getEnv(), toolServer.getSpec().getEnvFrom())) : List.of();
    }

    @Override
    public UpdateControl<ToolServer> reconcile(ToolServer toolServer, Context<ToolServer> context) {
        if (Pause.requested(toolServer)) {
            Pause.report(toolServer, ToolServerStatus::new, ToolServer::new, context);
            return UpdateControl.noUpdate();
        }
        Optional<String> gatewayPath = ToolServerChildren.pathForGateways(toolServer.getSpec());
        if (gatewayPath.isPresent() && writePath(toolServer, gatewayPath.get(), context)) {
            return UpdateControl.noUpdate(); // the spec change reconciles it again, with the path
        }
        Optional<ResourceConflictException> conflict = ChildrenWorkflow.reconcile(toolServer, context, events, EVENT_REPORTER);
        if (conflict.isPresent()) {
            return notReady(toolServer, context, "ResourceConflict", conflict.get().getMessage())
                    .rescheduleAfter(ChildrenWorkflow.CONFLICT_RECHECK);
        }
        ToolServerStatus status = ToolServerChildren.status(toolServer, Optional.empty(), true,
                context.getSecondaryResource(Deployment.class), Instant.now());
        StatusUpdates.write(toolServer, status, ToolServer::new, context);
        return UpdateControl.noUpdate();
    }

    /**
     * Writes the default path into the spec (a merge patch, only if the object is unchanged since it was read), as the
     * original's webhook did at admission; false when the API server refuses it (an admission policy, say): the
     * status URL carries the path all the same.
     */
    private static boolean writePath(ToolServer toolServer, String path, Context<ToolServer> context) {
        String patch = "{\"metadata\":{\"resourceVersion\":\"" + toolServer.getMetadata().getResourceVersion()
                + "\"},\"spec\":{\"path\":\"" + path + "\"}}";
        try {
            context.getClient().resources(ToolServer.class).inNamespace(toolServer.getMetadata().getNamespace())
                    .withName(toolServer.getMetadata().getName())
                    .patch(new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE).withFieldManager(FIELD_MANAGER)
                            .build(), patch);
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                return true; // changed since it was read: that change reconciles it again
            }
            LOG.debugf("ToolServer %s/%s: the default path %s was not written: %s", toolServer.getMetadata().getNamespace(),
                    toolServer.getMetadata().getName(), path, e.getMessage());
            return false;
        }
    }

    @Override
    public ErrorStatusUpdateControl<ToolServer> updateErrorStatus(ToolServer toolServer, Context<ToolServer> context, Exception e) {
        if (!StatusUpdates.isConflict(e)) {
            String failure = ReconcileFailures.describe(e);
            LOG.debugf(e, "ToolServer %s/%s: reconcile failed, will retry: %s", toolServer.getMetadata().getNamespace(),
                    toolServer.getMetadata().getName(), failure);
            notReady(toolServer, context, "ReconciliationFailed", failure);
        }
        return ErrorStatusUpdateControl.defaultErrorProcessing();
    }

    /** Ready=False; the URL stays while the Service exists, so Agents using the server are not cut off for nothing. */
    private UpdateControl<ToolServer> notReady(ToolServer toolServer, Context<ToolServer> context, String reason, String message) {
        ToolServerStatus status = ToolServerChildren.status(toolServer, Optional.of(new Conditions.Failure(reason, message)),
                context.getSecondaryResource(Service.class).isPresent(), context.getSecondaryResource(Deployment.class), Instant.now());
        events.warnOnChange(context.getClient(), EVENT_REPORTER, toolServer,
                toolServer.getStatus() == null ? null : toolServer.getStatus().getConditions(),
                Conditions.find(status.getConditions(), Conditions.READY).orElseThrow());
        StatusUpdates.write(toolServer, status, ToolServer::new, context);
        return UpdateControl.noUpdate();
    }
}
