package ai.agenticlayer.runtime.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.RealApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Event series as the API server stores them (the mock's server-side apply replaces where the server merges). */
class KubeEventsIT {

    @Test
    void aRepeatedEventIsCountedOnTheFirstOneAnotherNoteIsAnEventOfItsOwn() throws InterruptedException {
        KubeEvents kubeEvents = new KubeEvents(new SimpleMeterRegistry());
        try (RealApiServer apiServer = RealApiServer.start("events"); KubernetesClient client = apiServer.adminClient()) {
            Cluster.namespace(client, "events");
            ConfigMap regarding = new ConfigMapBuilder().withNewMetadata().withName("flapper").withNamespace("events").withUid("u-1")
                    .endMetadata().build();
            for (int i = 0; i < 3; i++) {
                kubeEvents.record(client, "test", regarding, null, KubeEvents.WARNING, "Missing", "Reconcile", "ToolServer tools not found");
            }
            kubeEvents.record(client, "test", regarding, null, KubeEvents.WARNING, "Missing", "Reconcile", "ToolServer other not found");
            assertThat(kubeEvents.awaitWritten(Duration.ofSeconds(30))).isTrue();

            List<Event> events = client.resources(Event.class).inNamespace("events").list().getItems();
            assertThat(events).hasSize(2);
            Event repeated = events.stream().filter(e -> e.getNote().contains("tools")).findFirst().orElseThrow();
            assertThat(repeated.getSeries().getCount()).isEqualTo(3);
            assertThat(repeated.getSeries().getLastObservedTime().getTime()).isGreaterThanOrEqualTo(repeated.getEventTime().getTime());
            assertThat(events.stream().filter(e -> e.getNote().contains("other")).findFirst().orElseThrow().getSeries()).isNull();

            // the series' Event is gone (expired after an hour, say): the next repeat records a new one
            client.resources(Event.class).inNamespace("events").withName(repeated.getMetadata().getName()).delete();
            kubeEvents.record(client, "test", regarding, null, KubeEvents.WARNING, "Missing", "Reconcile", "ToolServer tools not found");
            assertThat(kubeEvents.awaitWritten(Duration.ofSeconds(30))).isTrue();
            assertThat(client.resources(Event.class).inNamespace("events").list().getItems())
                    .filteredOn(e -> e.getNote().contains("tools")).singleElement().satisfies(e -> assertThat(e.getSeries()).isNull());
        }
    }
}
