package ai.agenticlayer.runtime.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.client.KubernetesClientProducer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class KubeEventsTest {

    private final ConfigMap regarding = new ConfigMapBuilder().withNewMetadata().withName("busy").withNamespace("x").withUid("u-1")
            .endMetadata().build();

    /** The API server refuses an Event whose eventTime has more or fewer than six fractional digits. */
    @Test
    void eventTimeIsAMicroTimeWithSixFractionalDigits() {
        assertThat(KubeEvents.microTime(Instant.parse("2026-11-29T13:39:17.362138405Z")).getTime())
                .isEqualTo("2026-11-29T13:39:17.362138Z");
        assertThat(KubeEvents.microTime(Instant.parse("2026-11-29T13:39:17Z")).getTime())
                .isEqualTo("2026-11-29T13:39:17.000000Z");
    }

    /**
     * A server that takes connections and never answers holds the writer on the first Event: recording returns at once,
     * two more wait, the rest are dropped and counted; once the server is gone, nothing is left waiting.
     */
    @Test
    void recordingDoesNotWaitForTheWriteAndWhatDoesNotFitIsDroppedAndCounted() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KubeEvents events = new KubeEvents(registry, 2);
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
                KubernetesClient client = clientOf(silent, 30_000)) {
            for (int i = 0; i < 5; i++) {
                recordCreated(events, client, "busy-" + i);
            }
            assertThat(registry.get(KubeEvents.PENDING).gauge().value()).isEqualTo(3);
            assertThat(dropped(registry)).isEqualTo(2);
            assertThat(events.awaitWritten(Duration.ofMillis(200))).isFalse();
            silent.close();
            assertThat(events.awaitWritten(Duration.ofSeconds(30))).isTrue();
            assertThat(registry.get(KubeEvents.PENDING).gauge().value()).isZero();
            assertThat(dropped(registry)).isEqualTo(2);
        }
    }

    /** Stopping waits for what is queued, for a while; what is still waiting then, or recorded after, is dropped and counted. */
    @Test
    void stoppingDropsAndCountsWhatCouldNotBeWrittenInTime() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KubeEvents events = new KubeEvents(registry, 10);
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
                KubernetesClient client = clientOf(silent, 10_000)) {
            for (int i = 0; i < 4; i++) {
                recordCreated(events, client, "busy-" + i);
            }
            events.stop(Duration.ofMillis(200));
            // the three behind the one being written are dropped; that one is interrupted, fails and is dropped too
            assertThat(events.awaitWritten(Duration.ofSeconds(30))).isTrue();
            assertThat(dropped(registry)).isEqualTo(4);
            recordCreated(events, client, "late");
            assertThat(dropped(registry)).isEqualTo(5);
            assertThat(events.awaitWritten(Duration.ofSeconds(30))).isTrue();
        }
    }

    private void recordCreated(KubeEvents events, KubernetesClient client, String deployment) {
        events.record(client, "test", regarding, null, KubeEvents.NORMAL, "Created", "Apply", "Deployment " + deployment + " created");
    }

    private static double dropped(SimpleMeterRegistry registry) {
        return registry.get(KubeEvents.DROPPED).counter().count();
    }

    /** A client of a server that takes connections and never answers; no retries, so that a write fails once. */
    private static KubernetesClient clientOf(ServerSocket silent, int requestTimeoutMillis) {
        return new KubernetesClientProducer().kubernetesClient(new KubernetesSerialization(), new ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + silent.getLocalPort()).withRequestTimeout(requestTimeoutMillis)
                .withRequestRetryBackoffLimit(0).build());
    }
}
