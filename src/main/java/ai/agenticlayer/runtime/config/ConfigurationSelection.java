package ai.agenticlayer.runtime.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

import ai.agenticlayer.runtime.api.v1alpha1.AgentRuntimeConfiguration;

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
}
