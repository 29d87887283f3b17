package ai.agenticlayer.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class FleetMetricsTest {

    /**
     * A Micrometer gauge holds its object weakly; the benchmark found every fleet gauge reading NaN once the first
     * collection had taken the tallies nothing else held. A cache that has not started (a standby's) counts 0.
     */
    @Test
    void fleetGaugesStillReadAfterAGarbageCollection() {
        FleetMetrics metrics = new FleetMetrics();
        metrics.registry = new SimpleMeterRegistry();
        metrics.watch("Agent", notStarted(), List.of("Ready"), true);

        for (int i = 0; i < 3; i++) {
            System.gc();
        }

        assertThat(metrics.registry.get(FleetMetrics.RESOURCES).tags("kind", "Agent", "condition", "Ready", "status", "True").gauge().value())
                .isEqualTo(0.0);
        assertThat(metrics.registry.get(FleetMetrics.CHILD_CONFLICTS).tags("kind", "Agent").gauge().value()).isEqualTo(0.0);
    }

    /** As a standby's primary cache looks: not an event source that has started. */
    private static IndexedResourceCache<Agent> notStarted() {
        return new IndexedResourceCache<>() {
            @Override
            public List<Agent> byIndex(String indexName, String indexKey) {
                return List.of();
            }

            @Override
            public Stream<Agent> list(String namespace, Predicate<Agent> predicate) {
                return Stream.empty();
            }

            @Override
            public Optional<Agent> get(ResourceID resourceID) {
                return Optional.empty();
            }

            @Override
            public Stream<ResourceID> keys() {
                return Stream.empty();
            }

            @Override
            public Stream<Agent> list(Predicate<Agent> predicate) {
                return Stream.empty();
            }
        };
    }
}
