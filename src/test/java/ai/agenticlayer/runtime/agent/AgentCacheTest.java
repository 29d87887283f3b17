package ai.agenticlayer.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.testing.MockApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Another controller may start its event sources before the Agent controller has started its informer: the SDK runs
 * the controllers' starts in parallel. The native CI run once started the workforce controller first, and its
 * {@code workforce-agents} source failed the operator's start instead of waiting.
 */
@QuarkusTest
@QuarkusTestResource(MockApiServer.class)
class AgentCacheTest {

    @Inject
    KubernetesClient client;

    @Inject
    Operator operator;

    @Test
    @SuppressWarnings("unchecked")
    void aControllerThatStartsFirstWaitsForTheAgentInformer() {
        var agentController = (ControllerConfiguration<Agent>) operator.getRegisteredController(AgentReconciler.NAME)
                .orElseThrow().getConfiguration();
        var agentInformer = new InformerEventSource<Agent, Agent>(
                InformerEventSourceConfiguration.from(Agent.class, Agent.class).build(),
                new EventSourceContext<>(null, agentController, client, Agent.class));
        agentInformer.setControllerConfiguration(agentController);
        var cache = new AgentCache();
        cache.attach(agentInformer);
        EventSource<Agent, Agent> changes = cache.changes("test-agents", (before, now) -> Set.of());

        CompletableFuture<Void> started = CompletableFuture.runAsync(changes::start);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(started).isNotDone());

        agentInformer.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(started::isDone);
            assertThat(started).isCompleted();
        } finally {
            changes.stop();
            agentInformer.stop();
        }
    }
}
