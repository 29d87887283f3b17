package ai.agenticlayer.runtime.reliability;

import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.InstalledCluster;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RunsPackagedOperator;
import ai.agenticlayer.runtime.testing.RealApiServer.AuditEvent;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The installed operator killed with SIGKILL (the OOM killer, a lost node): no shutdown hook runs and the leader Lease
 * is not released. Its successor must take over after the lease duration, converge everything, including what changed
 * while no operator ran, and redo no more than what the killed one left undone. Writes are counted by the API server.
 */
@RunsPackagedOperator
class KilledOperatorIT {

    @RegisterExtension
    static final InstalledCluster cluster = InstalledCluster.named("killed-operator");

    private static final Duration LEASE_DURATION = Duration.ofSeconds(15);


    @Test
    void killedWhileConvergingItsSuccessorConvergesEveryAgentAndWritesEachChildAtMostOnceMore() {
        String namespace = "killed";
        int agents = Soak.times(500);
        Cluster.namespace(cluster.client(), namespace);
        PackagedOperator killed = cluster.installed().start("operator-killed", Map.of()).awaitReady();
        CompletableFuture<Void> creating = CompletableFuture.completedFuture(null);
        PackagedOperator.Memory killedMemory = null;
        try {
            cluster.installed().awaitLeaseHolder(cluster.client(), "operator-killed");
            // created meanwhile: the kill comes in the middle of converging, and the rest is created while no operator runs
            creating = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < agents; i++) {
                    Cluster.createAgent(cluster.client(), namespace, "agent-" + i, "{}");
                }
            });
            await().atMost(Soak.times(Duration.ofMinutes(2))).pollInterval(Duration.ofMillis(100)).until(() -> ready(namespace) >= agents / 3);
            killedMemory = killed.memory();
        } finally {
            killed.kill();
        }
        long readyWhenKilled = ready(namespace);
        creating.join();

        // while no operator runs: users go on
        for (int i = 0; i < 20; i++) {
            Cluster.edit(cluster.client(), Agent.class, namespace, "agent-" + i, agent -> agent.getSpec().setReplicas(2));
        }
        for (int i = 20; i < 30; i++) {
            cluster.client().resources(Agent.class).inNamespace(namespace).withName("agent-" + i).delete();
        }
        for (int i = 0; i < 10; i++) {
            Cluster.createAgent(cluster.client(), namespace, "late-" + i, "{}");
        }

        int mark = cluster.apiServer().auditMark();
        Instant started = Instant.now();
        try (PackagedOperator successor = cluster.installed().start("operator-successor", Map.of()).awaitReady()) {
            cluster.installed().awaitLeaseHolder(cluster.client(), "operator-successor");
            await().atMost(Soak.times(Duration.ofMinutes(3))).pollInterval(Duration.ofMillis(250)).until(() -> cluster.client().resources(Agent.class)
                    .inNamespace(namespace).list().getItems().stream().allMatch(KilledOperatorIT::reconciledAsItIsNow));
            Duration converged = Duration.between(started, Instant.now());
            for (int i = 0; i < 20; i++) {
                awaitUntil(cluster.client(), Deployment.class, namespace, "agent-" + i, d -> Integer.valueOf(2).equals(d.getSpec().getReplicas()));
            }
            assertThat(cluster.client().resources(Agent.class).inNamespace(namespace).list().getItems()).hasSize(agents);

            Map<String, Long> writesPerChild = cluster.apiServer().auditEvents(cluster.installed().user(), mark, e -> e.userAgent().equals("operator-successor")
                    && e.isWrite() && e.code() < 400 && e.namespace().equals(namespace)
                    && (e.resource().equals("deployments") || e.resource().equals("services")))
                    .stream().collect(Collectors.groupingBy(e -> e.resource() + "/" + e.name(), TreeMap::new, Collectors.counting()));
            System.out.printf("killed: %d of %d Agents ready when killed; successor converged all in %s with %d child writes;"
                    + " memory of the killed one: %s, of the successor after: %s%n", readyWhenKilled, agents, converged,
                    writesPerChild.values().stream().mapToLong(Long::longValue).sum(), killedMemory, successor.memory());
            assertThat(writesPerChild).as("writes per child by the successor").allSatisfy((child, writes) -> assertThat(writes)
                    .as(child).isEqualTo(1));
            // what the killed operator had finished and nobody changed since is not written again
            assertThat(writesPerChild.keySet()).filteredOn(child -> child.startsWith("deployments/"))
                    .hasSizeLessThanOrEqualTo((int) (agents - readyWhenKilled) + 20 + 10);
            assertThat(successor.log()).doesNotContain("Exception");
        }
    }

    @Test
    void whenTheLeaderIsKilledTheStandbyLeadsWithinTheLeaseDurationAndNoObjectIsWrittenByBoth() {
        String namespace = "failover";
        Cluster.namespace(cluster.client(), namespace);
        // the leader leads before the standby starts: started together, either could win the Lease
        PackagedOperator leader = cluster.installed().start("operator-leader", Map.of()).awaitReady();
        try {
            cluster.installed().awaitLeaseHolder(cluster.client(), "operator-leader");
        } catch (RuntimeException e) {
            leader.kill();
            throw e;
        }
        Instant killedAt = null;
        Duration takeOver;
        try (PackagedOperator standby = cluster.installed().start("operator-standby", Map.of())) {
            try {
                standby.awaitReady();
                // a standby keeps warm caches (only reconciling waits for leadership): its fleet gauges are numbers
                assertThat(standby.get("/q/metrics").body().lines().filter(line -> line.startsWith("agent_runtime_resources{")))
                        .isNotEmpty().noneMatch(line -> line.endsWith("NaN"));
                Cluster.createAgent(cluster.client(), namespace, "before", "{}");
                awaitUntil(cluster.client(), Agent.class, namespace, "before", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
            } finally {
                killedAt = Instant.now();
                leader.kill();
            }
            cluster.installed().awaitLeaseHolder(cluster.client(), "operator-standby");
            takeOver = Duration.between(killedAt, Instant.now());
            Cluster.createAgent(cluster.client(), namespace, "after", "{}");
            awaitUntil(cluster.client(), Agent.class, namespace, "after", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
        }
        Instant killed = killedAt;
        System.out.printf("failover: the standby led %s after the leader was killed%n", takeOver);
        // the Lease was last renewed before the kill: it expires within its duration, and the standby tries every 2 s
        assertThat(takeOver).isLessThanOrEqualTo(LEASE_DURATION.plusSeconds(5));

        List<AuditEvent> writes = cluster.apiServer().auditEvents(cluster.installed().user(), 0, e -> e.isWrite() && e.code() < 400
                && e.namespace().equals(namespace) && !e.resource().equals("events"));
        Set<String> byLeader = writtenBy(writes, "operator-leader");
        Set<String> byStandby = writtenBy(writes, "operator-standby");
        assertThat(byLeader).as("written by the leader").isNotEmpty();
        assertThat(byStandby).as("written by the standby").isNotEmpty().doesNotContainAnyElementsOf(byLeader);
        assertThat(writes).filteredOn(e -> e.userAgent().equals("operator-standby") && e.received().isBefore(killed))
                .as("writes of the standby while the leader lived").isEmpty();
    }

    private static Set<String> writtenBy(List<AuditEvent> writes, String userAgent) {
        return writes.stream().filter(e -> e.userAgent().equals(userAgent)).map(e -> e.resource() + "/" + e.name()).collect(Collectors.toSet());
    }

    private static boolean reconciledAsItIsNow(Agent agent) {
        return hasCondition(agent.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled")
                && Objects.equals(agent.getStatus().getObservedGeneration(), agent.getMetadata().getGeneration());
    }

    private static long ready(String namespace) {
        return cluster.client().resources(Agent.class).inNamespace(namespace).list().getItems().stream()
                .filter(a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled")).count();
    }
}
