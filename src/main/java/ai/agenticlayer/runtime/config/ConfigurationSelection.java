package ai.agenticlayer.runtime.config;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import ai.agenticlayer.runtime.api.v1alpha1.AgentRuntimeConfiguration;
import ai.agenticlayer.runtime.api.v1alpha1.Condition;
import ai.agenticlayer.runtime.api.v1alpha1.ObservedStatus;
import ai.agenticlayer.runtime.status.Conditions;

/**
 * Which AgentRuntimeConfiguration of a namespace counts when there are several: the oldest, then by name. The others
 * are reported as conflicting instead of failing every Agent, as the original operator did.
 */
public final class ConfigurationSelection {

    private static final Comparator<AgentRuntimeConfiguration> OLDEST_FIRST = Comparator
            .comparing((AgentRuntimeConfiguration arc) -> arc.getMetadata().getCreationTimestamp(),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(arc -> arc.getMetadata().getName());

    private ConfigurationSelection() {
    }

    /** The configuration in force among those of one namespace. */
    public static Optional<AgentRuntimeConfiguration> effective(Collection<AgentRuntimeConfiguration> sameNamespace) {
        return sameNamespace.stream().filter(arc -> arc.getMetadata().getDeletionTimestamp() == null).min(OLDEST_FIRST);
    }

    /**
     * The status of a configuration among those of its namespace (itself included): Accepted when it is the one in
     * force, else Conflicting, naming the one that is.
     */
    public static ObservedStatus status(AgentRuntimeConfiguration arc, Collection<AgentRuntimeConfiguration> sameNamespace,
            String operatorNamespace, Instant now) {
        String namespace = arc.getMetadata().getNamespace();
        Long generation = arc.getMetadata().getGeneration();
        Optional<AgentRuntimeConfiguration> inForce = effective(sameNamespace);
        Condition accepted = inForce.filter(winner -> winner.getMetadata().getName().equals(arc.getMetadata().getName()))
                .map(winner -> Conditions.condition(Conditions.ACCEPTED, true, "Accepted", scope(namespace, operatorNamespace), generation))
                .orElseGet(() -> Conditions.condition(Conditions.ACCEPTED, false, "Conflicting",
                        "AgentRuntimeConfiguration " + namespace + "/" + inForce.map(w -> w.getMetadata().getName()).orElse("?")
                                + " is older and in force; only one per namespace is used, so this one is ignored",
                        generation));
        ObservedStatus status = new ObservedStatus();
        status.setConditions(Conditions.merge(arc.getStatus() == null ? null : arc.getStatus().getConditions(), List.of(accepted), now));
        status.setObservedGeneration(generation);
        return status;
    }

    private static String scope(String namespace, String operatorNamespace) {
        return namespace.equals(operatorNamespace) ? "In force for Agents of every namespace"
                : "In force for Agents of namespace " + namespace + ", refining the defaults of namespace " + operatorNamespace;
    }
}
