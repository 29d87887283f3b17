package ai.agenticlayer.runtime.agent;

import java.time.Instant;
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
import ai.agenticlayer.runtime.api.v1alpha1.Condition;
import ai.agenticlayer.runtime.api.v1alpha1.ToolRoute;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.common.CanonicalJson;
import ai.agenticlayer.runtime.common.ChildrenWorkflow;
import ai.agenticlayer.runtime.common.Conditions;
import ai.agenticlayer.runtime.common.DeploymentAvailability;
import ai.agenticlayer.runtime.common.KubeEvents;
import ai.agenticlayer.runtime.common.ResourceConflictException;
import ai.agenticlayer.runtime.common.StatusUpdates;
import ai.agenticlayer.runtime.config.AgentDefaults;
import ai.agenticlayer.runtime.config.ConfigurationSelection;
import ai.agenticlayer.runtime.config.OperatorConfig;
import ai.agenticlayer.runtime.metrics.FleetMetrics;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

/**
 * Runs each Agent as a Deployment and a Service. References (sub-agents, tools, AiGateway) and the
 * AgentRuntimeConfiguration defaults are resolved from informer caches first; when that fails, the children stay as
 * they were and the status says why.
 */
@Workflow(explicitInvocation = true, dependents = {
        @Dependent(type = AgentDeploymentResource.class),
        @Dependent(type = AgentServiceResource.class)
})
@ControllerConfiguration(name = AgentReconciler.NAME)
public class AgentReconciler implements Reconciler<Agent> {

    public static final String NAME = "agent";
    static final String EVENT_REPORTER = "agent-controller";
    /** The informer on Agents as sub-agents; also where the reconciler reads them (see CachedReferenceLookup). */
    static final String REFERENCED_AGENTS = "referenced-agents";
    private static final Logger LOG = Logger.getLogger(AgentReconciler.class);

    @Inject
    OperatorConfig config;

    @Inject
    FleetMetrics metrics;

    @Override
    public List<EventSource<?, Agent>> prepareEventSources(EventSourceContext<Agent> context) {
        IndexedResourceCache<Agent> agents = context.getPrimaryCache();
        context.getPrimaryCache().addIndexers(AgentIndexes.all());
        metrics.watch("Agent", agents, List.of(Conditions.READY, Conditions.AVAILABLE), true);
        metrics.watchAgentReferences(agents);
        return List.of(
                informer(context, Agent.class, REFERENCED_AGENTS,
                        child -> referencing(agents, AgentIndexes.SUB_AGENTS, child),
                        (now, before) -> !Objects.equals(url(now), url(before))
                                || !CanonicalJson.of(now.getSpec().getSubAgents()).equals(CanonicalJson.of(before.getSpec().getSubAgents()))),
                informer(context, ToolRoute.class, null,
                        route -> referencing(agents, AgentIndexes.TOOL_ROUTES, route),
                        urlChanged(route -> route.getStatus() == null ? null : route.getStatus().getUrl())),
                informer(context, ToolServer.class, null,
                        server -> referencing(agents, AgentIndexes.TOOL_SERVERS, server),
                        urlChanged(server -> server.getStatus() == null ? null : server.getStatus().getUrl())),
                informer(context, AiGateway.class, null, gateway -> usersOf(agents, gateway), AgentReconciler::specChanged),
                informer(context, AgentRuntimeConfiguration.class, null, arc -> affectedBy(agents, arc),
                        (now, before) -> specChanged(now, before)
                                || !Objects.equals(now.getMetadata().getDeletionTimestamp(), before.getMetadata().getDeletionTimestamp())));
    }

    @Override
    public UpdateControl<Agent> reconcile(Agent agent, Context<Agent> context) {
        CachedReferenceLookup lookup = new CachedReferenceLookup(context);
        List<String> problems = AgentSpecChecks.problems(agent.getSpec());
        if (!problems.isEmpty()) {
            return notReady(agent, context, "InvalidSpec", String.join("; ", problems));
        }
        Optional<List<String>> cycle = SubAgentCycles.through(agent, lookup);
        if (cycle.isPresent()) {
            return notReady(agent, context, "SubAgentCycle", "sub-agent references form a cycle: " + String.join(" -> ", cycle.get()));
        }
        AgentReferences.Resolution resolution = AgentReferences.resolve(agent, lookup, config.defaultAiGatewayNamespace());
        metrics.agentReferences(ResourceID.fromResource(agent), resolution.failedKinds());
        if (resolution.failed()) {
            return notReady(agent, context, "ReconciliationFailed", resolution.message());
        }

        var workflow = context.managedWorkflowAndDependentResourceContext();
        workflow.put(AgentInputs.class, new AgentInputs(defaultsFor(agent, lookup), resolution.resolved()));
        Optional<ResourceConflictException> conflict = ChildrenWorkflow.reconcile(context);
        if (conflict.isPresent()) {
            return notReady(agent, context, "ResourceConflict", conflict.get().getMessage()).rescheduleAfter(ChildrenWorkflow.CONFLICT_RECHECK);
        }

        AgentStatus status = statusWithUrl(agent, url(agent, context, true), resolution.resolved().aiGateway());
        Condition ready = Conditions.condition(Conditions.READY, true, "Reconciled", "Agent is ready", generation(agent));
        return withStatus(agent, context, status, ready);
    }

    @Override
    public ErrorStatusUpdateControl<Agent> updateErrorStatus(Agent agent, Context<Agent> context, Exception e) {
        if (!StatusUpdates.isConflict(e)) {
            LOG.warnf("Agent %s/%s: reconcile failed, will retry: %s", agent.getMetadata().getNamespace(),
                    agent.getMetadata().getName(), e.getMessage());
            notReady(agent, context, "ReconciliationFailed", String.valueOf(e.getMessage()));
        }
        return ErrorStatusUpdateControl.defaultErrorProcessing();
    }

    /** Ready=False; the children and the URL stay as they were while the Service exists (no cascading outage). */
    private UpdateControl<Agent> notReady(Agent agent, Context<Agent> context, String reason, String message) {
        AgentStatus previous = agent.getStatus();
        AgentStatus status = statusWithUrl(agent, url(agent, context, false), Optional.empty());
        status.setAiGatewayRef(previous == null ? null : previous.getAiGatewayRef());
        Condition ready = Conditions.condition(Conditions.READY, false, reason, message, generation(agent));
        KubeEvents.warnOnChange(context.getClient(), EVENT_REPORTER, agent, previous == null ? null : previous.getConditions(), ready);
        return withStatus(agent, context, status, ready);
    }

    private UpdateControl<Agent> withStatus(Agent agent, Context<Agent> context, AgentStatus status, Condition ready) {
        List<Condition> previous = agent.getStatus() == null ? null : agent.getStatus().getConditions();
        Condition available = DeploymentAvailability.of(context.getSecondaryResource(Deployment.class), agent.getMetadata().getName(),
                generation(agent));
        status.setConditions(Conditions.merge(previous, List.of(ready, available), Instant.now()));
        status.setObservedGeneration(generation(agent));
        StatusUpdates.write(agent, status, Agent::new, context);
        return UpdateControl.noUpdate();
    }

    private static AgentStatus statusWithUrl(Agent agent, String url, Optional<AiGateway> gateway) {
        AgentStatus status = new AgentStatus();
        status.setUrl(url);
        status.setAiGatewayRef(gateway.map(g -> new ObjectReferenceBuilder().withApiVersion(g.getApiVersion()).withKind(g.getKind())
                .withName(g.getMetadata().getName()).withNamespace(g.getMetadata().getNamespace()).build()).orElse(null));
        return status;
    }

    /** The agent-card URL of the first A2A protocol; kept after a failure only while the Service still exists. */
    private static String url(Agent agent, Context<Agent> context, boolean applied) {
        if (!applied && context.getSecondaryResource(Service.class).isEmpty()) {
            return "";
        }
        return AgentProtocols.firstA2a(AgentProtocols.of(agent.getSpec()))
                .map(a2a -> ClusterUrls.agentCard(agent.getMetadata().getName(), agent.getMetadata().getNamespace(), a2a))
                .orElse("");
    }

    private AgentDefaults defaultsFor(Agent agent, CachedReferenceLookup lookup) {
        InformerEventSource<AgentRuntimeConfiguration, Agent> configurations = lookup.cache(AgentRuntimeConfiguration.class);
        Function<String, Optional<AgentRuntimeConfiguration>> effectiveIn = namespace -> ConfigurationSelection
                .effective(configurations.list(arc -> namespace.equals(arc.getMetadata().getNamespace())).toList());
        AgentDefaults defaults = AgentDefaults.builtIn(config.templateImages()).refinedBy(effectiveIn.apply(config.operatorNamespace()));
        String namespace = agent.getMetadata().getNamespace();
        return namespace.equals(config.operatorNamespace()) ? defaults : defaults.refinedBy(effectiveIn.apply(namespace));
    }

    private static Long generation(Agent agent) {
        return agent.getMetadata().getGeneration();
    }

    private static String url(Agent agent) {
        return agent.getStatus() == null ? null : agent.getStatus().getUrl();
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
            String name, Function<R, Set<ResourceID>> toAgents,
            OnUpdateFilter<R> relevantUpdate) {
        var configuration = InformerEventSourceConfiguration.from(type, Agent.class)
                .withSecondaryToPrimaryMapper(toAgents::apply)
                .withOnUpdateFilter(relevantUpdate);
        if (name != null) {
            configuration.withName(name);
        }
        return new InformerEventSource<>(configuration.build(), context);
    }
}
