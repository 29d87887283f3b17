package ai.agenticlayer.runtime.agent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgentRuntimeConfiguration;
import ai.agenticlayer.runtime.api.v1alpha1.AgentStatus;
import ai.agenticlayer.runtime.api.v1alpha1.AiGateway;
import ai.agenticlayer.runtime.api.v1alpha1.ToolRoute;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.cache.InformerStores;
import ai.agenticlayer.runtime.cache.StrippedItemStore;
import ai.agenticlayer.runtime.children.ChildrenWorkflow;
import ai.agenticlayer.runtime.children.ResourceConflictException;
import ai.agenticlayer.runtime.config.AgentDefaults;
import ai.agenticlayer.runtime.config.OperatorConfig;
import ai.agenticlayer.runtime.configsource.ConfigSourceInformers;
import ai.agenticlayer.runtime.configsource.ConfigSources;
import ai.agenticlayer.runtime.digest.CanonicalJson;
import ai.agenticlayer.runtime.metrics.FleetMetrics;
import ai.agenticlayer.runtime.status.Conditions;
import ai.agenticlayer.runtime.status.KubeEvents;
import ai.agenticlayer.runtime.status.Pause;
import ai.agenticlayer.runtime.status.ReconcileFailures;
import ai.agenticlayer.runtime.status.ReconcileRetry;
import ai.agenticlayer.runtime.status.StatusUpdates;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.retry.GradualRetry;
import io.quarkiverse.operatorsdk.runtime.api.ConfigurableReconciler;

/**
 * Runs each Agent as a Deployment and a Service. References (sub-agents, tools, AiGateway) and the
 * AgentRuntimeConfiguration defaults are resolved from informer caches first; when that fails, the children stay as
 * they were and the status says why.
 */
@Workflow(explicitInvocation = true, dependents = {
        @Dependent(type = AgentDeploymentResource.class),
        @Dependent(type = AgentServiceResource.class)
})
@GradualRetry(maxAttempts = ReconcileRetry.UNLIMITED_ATTEMPTS, initialInterval = ReconcileRetry.INITIAL_INTERVAL_MILLIS,
        intervalMultiplier = ReconcileRetry.INTERVAL_MULTIPLIER, maxInterval = ReconcileRetry.MAX_INTERVAL_MILLIS)
@ControllerConfiguration(name = AgentReconciler.NAME, informer = @Informer(itemStore = StrippedItemStore.class))
public class AgentReconciler implements ConfigurableReconciler<Agent> {

    public static final String NAME = "agent";
    static final String EVENT_REPORTER = "agent-controller";
    private static final Logger LOG = Logger.getLogger(AgentReconciler.class);

    @Inject
    KubeEvents events;

    @Inject
    OperatorConfig config;

    @Inject
    FleetMetrics metrics;

    @Inject
    AgentCache agentCache;

    @Override
    public void updateConfigurationFrom(ControllerConfigurationOverrider<Agent> overrider) {
        InformerStores.configurePrimary(overrider, NAME);
        Pause.configure(overrider);
    }

    @Override
    public List<EventSource<?, Agent>> prepareEventSources(EventSourceContext<Agent> context) {
        InformerStores.checkPrimary(context);
        IndexedResourceCache<Agent> agents = context.getPrimaryCache();
        context.getPrimaryCache().addIndexers(AgentIndexes.all());
        metrics.watch("Agent", agents, List.of(Conditions.READY, Conditions.AVAILABLE), true);
        metrics.watchAgentReferences(agents, AgentReferences.Kind.labels());
        List<EventSource<?, Agent>> sources = new ArrayList<>();
        if (config.configRolloutEnabled()) {
            sources.addAll(ConfigSourceInformers.register(context, Agent.class,
                    agent -> ConfigSources.of(agent.getSpec().getEnv(), agent.getSpec().getEnvFrom())));
        }
        sources.addAll(List.of(
                agentCache.attach(agents),
                agentCache.changes("sub-agents", (before, now) -> parentsAffected(agents, before, now)),
                informer(context, ToolRoute.class,
                        route -> referencing(agents, AgentIndexes.TOOL_ROUTES, route),
                        urlChanged(route -> route.getStatus() == null ? null : route.getStatus().getUrl())),
                informer(context, ToolServer.class,
                        server -> referencing(agents, AgentIndexes.TOOL_SERVERS, server),
                        urlChanged(server -> server.getStatus() == null ? null : server.getStatus().getUrl())),
                informer(context, AiGateway.class, gateway -> usersOf(agents, gateway), AgentReconciler::specChanged),
                informer(context, AgentRuntimeConfiguration.class, arc -> affectedBy(agents, arc),
                        (now, before) -> specChanged(now, before)
                                || !Objects.equals(now.getMetadata().getDeletionTimestamp(), before.getMetadata().getDeletionTimestamp()))));
        return sources;
    }

    @Override
    public UpdateControl<Agent> reconcile(Agent agent, Context<Agent> context) {
        if (Pause.requested(agent)) {
            Pause.report(agent, AgentStatus::new, Agent::new, context);
            return UpdateControl.noUpdate();
        }
        CachedReferenceLookup lookup = new CachedReferenceLookup(context);
        AgentPlan plan = AgentPlan.of(agent, lookup, defaultsFor(agent, lookup), config.defaultAiGatewayNamespace());
        metrics.agentReferences(ResourceID.fromResource(agent), AgentReferences.Kind.labels(plan.failedReferences()));
        if (plan instanceof AgentPlan.Ready ready) {
            context.managedWorkflowAndDependentResourceContext().put(AgentPlan.Ready.class, ready);
            Optional<ResourceConflictException> conflict = ChildrenWorkflow.reconcile(agent, context, events, EVENT_REPORTER);
            if (conflict.isPresent()) {
                return withStatus(agent, context, new AgentPlan.NotReady("ResourceConflict", conflict.get().getMessage(), Set.of()))
                        .rescheduleAfter(ChildrenWorkflow.CONFLICT_RECHECK);
            }
        }
        return withStatus(agent, context, plan);
    }

    @Override
    public ErrorStatusUpdateControl<Agent> updateErrorStatus(Agent agent, Context<Agent> context, Exception e) {
        if (!StatusUpdates.isConflict(e)) {
            String failure = ReconcileFailures.describe(e);
            LOG.debugf(e, "Agent %s/%s: reconcile failed, will retry: %s", agent.getMetadata().getNamespace(),
                    agent.getMetadata().getName(), failure);
            withStatus(agent, context, new AgentPlan.NotReady("ReconciliationFailed", failure, Set.of()));
        }
        return ErrorStatusUpdateControl.defaultErrorProcessing();
    }

    private UpdateControl<Agent> withStatus(Agent agent, Context<Agent> context, AgentPlan outcome) {
        AgentStatus status = AgentPlan.status(agent, outcome, context.getSecondaryResource(Service.class).isPresent(),
                context.getSecondaryResource(Deployment.class), Instant.now());
        if (outcome instanceof AgentPlan.NotReady) {
            events.warnOnChange(context.getClient(), EVENT_REPORTER, agent, agent.getStatus() == null ? null : agent.getStatus().getConditions(),
                    Conditions.find(status.getConditions(), Conditions.READY).orElseThrow());
        }
        StatusUpdates.write(agent, status, Agent::new, context);
        return UpdateControl.noUpdate();
    }

    private AgentDefaults defaultsFor(Agent agent, CachedReferenceLookup lookup) {
        InformerEventSource<AgentRuntimeConfiguration, Agent> configurations = lookup.cache(AgentRuntimeConfiguration.class);
        return AgentDefaults.forNamespace(agent.getMetadata().getNamespace(), AgentDefaults.builtIn(config.templateImages()),
                config.operatorNamespace(), namespace -> configurations.list(arc -> namespace.equals(arc.getMetadata().getNamespace())).toList());
    }

    private static String url(Agent agent) {
        return agent.getStatus() == null ? null : agent.getStatus().getUrl();
    }

    /**
     * The Agents that name a new, deleted or changed Agent as sub-agent. A parent reads its sub-agent's URL, and its
     * sub-agents' own sub-agents for cycles: other updates change nothing for it.
     */
    private static Set<ResourceID> parentsAffected(IndexedResourceCache<Agent> agents, Agent before, Agent now) {
        boolean relevant = before == null || now == null || !Objects.equals(url(now), url(before))
                || !CanonicalJson.of(now.getSpec().getSubAgents()).equals(CanonicalJson.of(before.getSpec().getSubAgents()));
        return relevant ? referencing(agents, AgentIndexes.SUB_AGENTS, now == null ? before : now) : Set.of();
    }

    /** Agents use a referenced object only through its status URL: other updates of it change nothing for them. */
    private static <R extends HasMetadata> OnUpdateFilter<R> urlChanged(Function<R, String> url) {
        return (now, before) -> !Objects.equals(url.apply(now), url.apply(before));
    }

    private static boolean specChanged(HasMetadata now, HasMetadata before) {
        return !Objects.equals(now.getMetadata().getGeneration(), before.getMetadata().getGeneration());
    }

    private static Set<ResourceID> referencing(IndexedResourceCache<Agent> agents, String index, HasMetadata referenced) {
        return ids(agents.byIndex(index, AgentIndexes.key(referenced.getMetadata().getNamespace(), referenced.getMetadata().getName())));
    }

    /** Agents naming the gateway, and, for a gateway of the default namespace, the Agents that name none. */
    private Set<ResourceID> usersOf(IndexedResourceCache<Agent> agents, AiGateway gateway) {
        Set<ResourceID> users = referencing(agents, AgentIndexes.AI_GATEWAYS, gateway);
        if (config.defaultAiGatewayNamespace().equals(gateway.getMetadata().getNamespace())) {
            users.addAll(ids(agents.byIndex(AgentIndexes.AI_GATEWAYS, AgentIndexes.DEFAULT_AI_GATEWAY)));
        }
        return users;
    }

    /** The operator namespace's configuration affects every Agent; another namespace's, the Agents of that namespace. */
    private Set<ResourceID> affectedBy(IndexedResourceCache<Agent> agents, AgentRuntimeConfiguration configuration) {
        String namespace = configuration.getMetadata().getNamespace();
        return namespace.equals(config.operatorNamespace()) ? ids(agents.list().toList())
                : ids(agents.byIndex(AgentIndexes.NAMESPACE, namespace));
    }

    private static Set<ResourceID> ids(List<Agent> agents) {
        return agents.stream().map(ResourceID::fromResource).collect(Collectors.toSet());
    }

    private static <R extends HasMetadata> InformerEventSource<R, Agent> informer(EventSourceContext<Agent> context, Class<R> type,
            Function<R, Set<ResourceID>> toAgents, OnUpdateFilter<R> relevantUpdate) {
        var configuration = InformerEventSourceConfiguration.from(type, Agent.class)
                .withSecondaryToPrimaryMapper(toAgents::apply)
                .withOnUpdateFilter(relevantUpdate)
                .withItemStore(InformerStores.stripped(context))
                .withInformerListLimit(InformerStores.LIST_PAGE)
                .build();
        return new InformerEventSource<>(configuration, context);
    }
}
