package ai.agenticlayer.runtime.reliability;

import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.FaultInjectingProxy;
import ai.agenticlayer.runtime.testing.InstalledCluster;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RunsPackagedOperator;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * kube-apiserver restarted on the same etcd while the installed operator converges Agents: every connection and watch
 * ends, the new server starts with cold watch caches (which answer 429 until they are filled). The operator reaches it
 * through a proxy that keeps its URL across the restart, as a Service's address does in a cluster.
 */
@RunsPackagedOperator
class ApiServerRestartIT {

    @RegisterExtension
    static final InstalledCluster cluster = InstalledCluster.named("api-server-restart");

    /** Well under the renew deadline (10 s), after which the leader exits by design. */
    private static final Duration SURELY_WITHIN_RENEW_DEADLINE = Duration.ofSeconds(8);

    /**
     * Readiness follows the API server, and every Agent converges. An outage longer than the Lease's renew deadline
     * (10 s) makes the leader exit by design, so that it cannot reconcile beside a new leader; here the test restarts it
     * as the kubelet would (the soak's larger load makes the restart that long). A shorter outage costs no restart.
     */
    @Test
    void restartedMidConvergenceEveryAgentConvergesAndReadinessFollowsTheApiServer() {
        String namespace = "restarted";
        int agents = Soak.times(60);
        try (FaultInjectingProxy proxy = FaultInjectingProxy.to(cluster.apiServer().url());
                Pod pod = new Pod(() -> cluster.installed().start("operator-restart", proxy.url(), Map.of(), Map.of()).awaitReady())) {
            PackagedOperator operator = pod.operator;
            try (KubernetesClient client = cluster.apiServer().adminClient()) {
                Cluster.namespace(client, namespace);
                for (int i = 0; i < agents / 2; i++) {
                    Cluster.createAgent(client, namespace, "before-" + i, "{}");
                }
            }
            PackagedOperator.Memory before = operator.memory();
            AtomicBoolean wentUnready = new AtomicBoolean();
            AtomicBoolean restarting = new AtomicBoolean(true);
            CompletableFuture<Void> probing = CompletableFuture.runAsync(() -> {
                while (restarting.get()) {
                    if (operator.status("/q/health/ready") != 200) {
                        wentUnready.set(true);
                    }
                    sleep(Duration.ofMillis(200));
                }
            });
            Instant down = Instant.now();
            proxy.retarget(cluster.apiServer().restartApiServer());
            Duration restart = Duration.between(down, Instant.now());

            Instant up = Instant.now();
            try (KubernetesClient client = cluster.apiServer().adminClient()) {
                for (int i = 0; i < agents / 2; i++) {
                    Cluster.createAgent(client, namespace, "after-" + i, "{}");
                }
                await().atMost(Soak.times(Duration.ofSeconds(90))).pollInterval(Duration.ofMillis(250)).until(() -> pod.restartIfLeaseLost()
                        && client.resources(Agent.class).inNamespace(namespace).list().getItems().stream()
                                .filter(a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled")).count() == agents);
                Duration converged = Duration.between(up, Instant.now());
                await().atMost(Duration.ofSeconds(60)).until(() -> pod.operator.status("/q/health/ready") == 200);
                restarting.set(false);
                probing.join();
                System.out.printf("restart: kube-apiserver down and up again in %s; all %d Agents Ready %s after; readiness went down: %s;"
                        + " operator restarts: %d; memory before: %s, after: %s%n", restart, agents, converged, wentUnready.get(), pod.restarts,
                        before, pod.operator.memory());
                awaitUntil(client, Agent.class, namespace, "before-0", a -> a.getStatus().getUrl() != null);
            }
            assertThat(wentUnready).as("readiness went down while the API server was").isTrue();
            if (restart.compareTo(SURELY_WITHIN_RENEW_DEADLINE) < 0) {
                assertThat(pod.restarts).as("restarts after an outage of " + restart).isZero();
            }
            assertThat(pod.restarts).isLessThanOrEqualTo(1);
            assertThat(pod.operator.isAlive()).isTrue();
            assertThat(operator.log()).doesNotContain("Uncaught error during event processing");
        }
    }

    /** The operator process as a pod runs it: started again once if it exited because it lost its Lease. */
    private static final class Pod implements AutoCloseable {

        private final Supplier<PackagedOperator> start;
        PackagedOperator operator;
        int restarts;

        Pod(Supplier<PackagedOperator> start) {
            this.start = start;
            this.operator = start.get();
        }

        /** Always true, so that it can lead an await condition. */
        boolean restartIfLeaseLost() {
            if (!operator.isAlive() && restarts == 0 && operator.log().contains("Lost the leader Lease")) {
                operator.close();
                restarts++;
                operator = start.get();
            }
            return true;
        }

        @Override
        public void close() {
            operator.close();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
