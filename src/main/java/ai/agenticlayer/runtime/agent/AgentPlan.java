package ai.agenticlayer.runtime.agent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgentStatus;
import ai.agenticlayer.runtime.api.v1alpha1.AiGateway;
import ai.agenticlayer.runtime.api.v1alpha1.Condition;
import ai.agenticlayer.runtime.config.AgentDefaults;
import ai.agenticlayer.runtime.status.Conditions;
import ai.agenticlayer.runtime.status.DeploymentAvailability;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * What reconciling an Agent decides before anything is written: why it cannot be ready, or what its children are made
 * of; and the status that follows. Pure, so that the reconciler and {@code render} share it.
 */
public sealed interface AgentPlan {

    /** The kinds of reference that did not resolve (for the fleet metrics); empty when none was tried or all did. */
    Set<AgentReferences.Kind> failedReferences();

    /** The Agent cannot be ready: children stay as they are, the status says why. */
    record NotReady(String reason, String message, Set<AgentReferences.Kind> failedReferences) implements AgentPlan {
    }

    /** Every reference resolved: the children are built from these. */
    record Ready(AgentDefaults defaults, ResolvedReferences references) implements AgentPlan {
        @Override
        public Set<AgentReferences.Kind> failedReferences() {
            return Set.of();
        }

        public Deployment deployment(Agent agent) {
            return AgentChildren.deployment(agent, defaults, references);
        }

        public Service service(Agent agent) {
            return AgentChildren.service(agent);
        }
    }

    /** Spec checks first, then the reference policy, then sub-agent cycles, then every reference, all errors in one message. */
    static AgentPlan of(Agent agent, ReferenceLookup lookup, AgentDefaults defaults, String defaultAiGatewayNamespace) {
        List<String> problems = AgentSpecChecks.problems(agent.getSpec());
        if (!problems.isEmpty()) {
            return new NotReady("InvalidSpec", String.join("; ", problems), Set.of());
        }
        List<String> notAllowed = AgentReferences.notAllowed(agent, defaults.referenceRules());
        if (!notAllowed.isEmpty()) {
            return new NotReady("ReferenceNotAllowed", String.join("; ", notAllowed), Set.of());
        }
        Optional<List<String>> cycle = SubAgentCycles.through(agent, lookup);
        if (cycle.isPresent()) {
            return new NotReady("SubAgentCycle", "sub-agent references form a cycle: " + String.join(" -> ", cycle.get()), Set.of());
        }
        AgentReferences.Resolution resolution = AgentReferences.resolve(agent, lookup, defaultAiGatewayNamespace);
        if (resolution.failed()) {
            return new NotReady("ReconciliationFailed", resolution.message(), resolution.failedKinds());
        }
        return new Ready(defaults, resolution.resolved());
    }

    /**
     * The status after a reconcile ended with this plan (or a NotReady for what happened while applying). After a
     * failure the URL and the AiGateway stay as they were while the Service exists: no cascading outage.
     */
    static AgentStatus status(Agent agent, AgentPlan outcome, boolean serviceExists, Optional<Deployment> deployment, Instant now) {
        AgentStatus previous = agent.getStatus();
        Long generation = agent.getMetadata().getGeneration();
        AgentStatus status = new AgentStatus();
        Condition ready;
        if (outcome instanceof Ready planned) {
            status.setUrl(url(agent));
            status.setAiGatewayRef(planned.references().aiGateway().map(AgentPlan::referenceTo).orElse(null));
            ready = Conditions.condition(Conditions.READY, true, "Reconciled", "Agent is ready", generation);
        } else {
            NotReady failure = (NotReady) outcome;
            status.setUrl(serviceExists ? url(agent) : "");
            status.setAiGatewayRef(previous == null ? null : previous.getAiGatewayRef());
            ready = Conditions.condition(Conditions.READY, false, failure.reason(), failure.message(), generation);
        }
        Condition available = DeploymentAvailability.of(deployment, agent.getMetadata().getName(), generation);
        status.setConditions(Conditions.merge(previous == null ? null : previous.getConditions(), List.of(ready, available), now));
        status.setObservedGeneration(generation);
        DeploymentAvailability.reportReplicas(status, deployment);
        return status;
    }

    /** The agent-card URL of the first A2A protocol, or empty when the Agent serves none. */
    static String url(Agent agent) {
        return AgentProtocols.firstA2a(AgentProtocols.of(agent.getSpec()))
                .map(a2a -> ClusterUrls.agentCard(agent.getMetadata().getName(), agent.getMetadata().getNamespace(), a2a))
                .orElse("");
    }

    private static ObjectReference referenceTo(AiGateway gateway) {
        return new ObjectReferenceBuilder().withApiVersion(gateway.getApiVersion()).withKind(gateway.getKind())
                .withName(gateway.getMetadata().getName()).withNamespace(gateway.getMetadata().getNamespace()).build();
    }
}
