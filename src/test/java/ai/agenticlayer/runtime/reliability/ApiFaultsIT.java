package ai.agenticlayer.runtime.reliability;

import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.FaultInjectingProxy;
import ai.agenticlayer.runtime.testing.FaultInjectingProxy.Fault;
import ai.agenticlayer.runtime.testing.FaultInjectingProxy.RequestHead;
import ai.agenticlayer.runtime.testing.FaultInjectingProxy.Seen;
import ai.agenticlayer.runtime.testing.InstalledCluster;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RealApiServer;
import ai.agenticlayer.runtime.testing.RunsPackagedOperator;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The installed operator (its RBAC, leader election on) reaching a real API server through a proxy that fails its
 * requests: bursts of 5xx and 429, dropped connections, closed watches. After each fault ends, every object converges,
 * the process never exited, and it neither hammered the API server nor flooded its log while the fault lasted.
 */
@RunsPackagedOperator
class ApiFaultsIT {

    @RegisterExtension
    static final InstalledCluster cluster = InstalledCluster.named("api-faults", Map.of("--watch-cache", "false", "--etcd-compaction-interval", "5s"));

    private static final String AGENT_BINDING = "agent-runtime-operator-agent";
    /** After a fault ends: the longest retry interval (a minute) and the reconcile. */
    private static final Duration RECOVERY = Duration.ofSeconds(90);


    @Test
    void aBurstOfServerErrorsAndThrottlingOnWritesEndsWithEveryAgentConverged() {
        String namespace = "burst";
        Cluster.namespace(cluster.client(), namespace);
        try (FaultInjectingProxy proxy = FaultInjectingProxy.to(cluster.apiServer().url());
                PackagedOperator operator = cluster.installed().start("operator-burst", proxy.url(), Map.of(), Map.of()).awaitReady()) {
            createAndAwaitReady(namespace, "before-", 10);
            PackagedOperator.Memory before = operator.memory();

            Instant burstStart = Instant.now();
            proxy.inject(head -> isChildOrStatusWrite(head) && head.path().contains("/deployments"), new Fault.Respond(429, 3))
                    .inject(head -> isChildOrStatusWrite(head) && head.path().contains("/services"), new Fault.Respond(503, 0))
                    .inject(head -> isChildOrStatusWrite(head) && head.path().matches(".*-[02468]/status"), new Fault.Respond(409, 0))
                    .inject(head -> isChildOrStatusWrite(head) && head.path().endsWith("/status"), new Fault.Drop())
                    .inject(head -> head.path().contains("/events"), new Fault.Delay(Duration.ofMillis(500)))
                    .inject(ApiFaultsIT::isChildOrStatusWrite, new Fault.Respond(500, 0));
            for (int i = 0; i < 10; i++) {
                Cluster.createAgent(cluster.client(), namespace, "during-" + i, "{}");
            }
            for (int i = 0; i < 5; i++) {
                Cluster.edit(cluster.client(), Agent.class, namespace, "before-" + i, agent -> agent.getSpec().setReplicas(2));
            }
            Duration burst = Soak.times(Duration.ofSeconds(60));
            sleep(burst);
            proxy.heal();
            Instant burstEnd = Instant.now();

            for (int i = 0; i < 10; i++) {
                awaitReady(namespace, "during-" + i);
            }
            for (int i = 0; i < 5; i++) {
                awaitUntil(cluster.client(), Deployment.class, namespace, "before-" + i, d -> Integer.valueOf(2).equals(d.getSpec().getReplicas()));
            }
            Duration converged = Duration.between(burstEnd, Instant.now());
            List<Seen> duringBurst = proxy.seen().stream().filter(s -> s.at().isAfter(burstStart) && s.at().isBefore(burstEnd)).toList();
            Map<Long, Long> perSecond = duringBurst.stream().collect(Collectors.groupingBy(
                    s -> Duration.between(burstStart, s.at()).toSeconds(), TreeMap::new, Collectors.counting()));
            System.out.printf("burst: %d requests in %s (%s per second), converged %s after it ended; memory before: %s, after: %s%n",
                    duringBurst.size(), Duration.between(burstStart, burstEnd), perSecond, converged, before, operator.memory());
            assertThat(operator.isAlive()).isTrue();
            // a client in a hot loop sends hundreds per second; 20 Agents, each retried with backoff, far fewer
            assertThat(duringBurst.size() / (double) burst.toSeconds()).as("requests per second during the burst").isLessThan(40);
            // each throttled request came back only after the Retry-After (3 s) it was answered with, never early
            Duration shortestGap = shortestGapBetween429s(duringBurst);
            System.out.printf("burst: shortest time between two throttled requests to one object: %s%n", shortestGap);
            assertThat(shortestGap).as("time between retries of a request throttled with Retry-After: 3").isGreaterThanOrEqualTo(Duration.ofSeconds(3));
            assertThat(failureLines(operator, "during-0")).as("log lines about one failing Agent").isBetween(1L, 3L);
            assertThat(operator.log()).doesNotContain("Uncaught error during event processing");
        }
    }

    @Test
    void watchesCutLongEnoughForTheHistoryToBeCompactedEndInARelistThatMissesNoChange() {
        String namespace = "compacted";
        Cluster.namespace(cluster.client(), namespace);
        try (FaultInjectingProxy proxy = FaultInjectingProxy.to(cluster.apiServer().url());
                PackagedOperator operator = cluster.installed().start("operator-compacted", proxy.url(), Map.of(), Map.of()).awaitReady()) {
            createAndAwaitReady(namespace, "watched-", 2);
            PackagedOperator.Memory before = operator.memory();

            proxy.inject(RequestHead::isWatch, new Fault.Drop());
            int cut = proxy.closeConnections(RequestHead::isWatch);
            Cluster.edit(cluster.client(), Agent.class, namespace, "watched-0", agent -> agent.getSpec().setReplicas(3));
            cluster.client().resources(Agent.class).inNamespace(namespace).withName("watched-1").delete();
            Cluster.createAgent(cluster.client(), namespace, "unseen", "{}");
            // etcd compacts every 5 s to the revision of the compaction before: after 15 s the changes above are history
            Duration cutFor = Soak.times(Duration.ofSeconds(15));
            sleep(cutFor);
            int mark = cluster.apiServer().auditMark();
            proxy.heal();
            Instant healed = Instant.now();

            awaitUntil(cluster.client(), Deployment.class, namespace, "watched-0", d -> Integer.valueOf(3).equals(d.getSpec().getReplicas()), RECOVERY);
            awaitUntil(cluster.client(), Agent.class, namespace, "unseen", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE,
                    "Reconciled"), RECOVERY);
            Duration converged = Duration.between(healed, Instant.now());
            List<RealApiServer.AuditEvent> relists = cluster.apiServer().auditEvents(cluster.installed().user(), mark, e -> e.verb().equals("list")
                    && e.resource().equals("agents"));
            System.out.printf("compacted: %d watches cut; after %s, %d re-lists of Agents, converged %s after the watches were back;"
                    + " memory before: %s, after: %s%n", cut, cutFor, relists.size(), converged, before, operator.memory());
            assertThat(cut).as("watches open before the cut").isPositive();
            assertThat(relists).as("re-lists of Agents (the informers' answer to 410 Gone)").isNotEmpty();
            assertThat(operator.isAlive()).isTrue();
        }
    }

    /** The shortest time between two throttled requests to the same object. */
    private static Duration shortestGapBetween429s(List<Seen> seen) {
        Map<String, List<Instant>> throttled = seen.stream().filter(s -> s.status() == 429).collect(Collectors.groupingBy(
                s -> s.head().path(), Collectors.mapping(Seen::at, Collectors.toList())));
        Duration shortest = Duration.ofDays(1);
        for (List<Instant> times : throttled.values()) {
            for (int i = 1; i < times.size(); i++) {
                Duration gap = Duration.between(times.get(i - 1), times.get(i));
                shortest = gap.compareTo(shortest) < 0 ? gap : shortest;
            }
        }
        assertThat(throttled).as("throttled requests").isNotEmpty();
        return shortest;
    }

    @Test
    void revokedPermissionsAreReportedOnceAndTheOperatorRecoversWhenTheyAreBack() {
        String namespace = "revoked";
        Cluster.namespace(cluster.client(), namespace);
        try (PackagedOperator operator = cluster.installed().start("operator-revoked", Map.of()).awaitReady()) {
            createAndAwaitReady(namespace, "before-", 3);
            PackagedOperator.Memory before = operator.memory();
            ClusterRoleBinding binding = cluster.client().rbac().clusterRoleBindings().withName(AGENT_BINDING).get();
            cluster.client().resource(binding).withTimeout(20, TimeUnit.SECONDS).delete();

            for (int i = 0; i < 3; i++) {
                Cluster.createAgent(cluster.client(), namespace, "during-" + i, "{}");
            }
            // longer than the SDK's default retries last (five attempts, about 30 s), after which it gave up
            sleep(Soak.times(Duration.ofSeconds(45)));
            assertThat(operator.isAlive()).as("still running without its permissions").isTrue();
            binding.getMetadata().setResourceVersion(null);
            binding.getMetadata().setUid(null);
            cluster.client().resource(binding).create();
            Instant restored = Instant.now();

            for (int i = 0; i < 3; i++) {
                awaitUntil(cluster.client(), Agent.class, namespace, "during-" + i,
                        a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"), RECOVERY);
            }
            System.out.printf("revoked: converged %s after the permissions were back; memory before: %s, after: %s%n",
                    Duration.between(restored, Instant.now()), before, operator.memory());
            assertThat(operator.isAlive()).isTrue();
            // one failure, the same on every retry (the Deployment's create forbidden): one line, not one per retry
            assertThat(failureLines(operator, "during-0")).as("log lines about one failing Agent").isEqualTo(1L);
        }
    }

    /** Lines of the operator's log that name the object (stack trace lines apart). */
    /**
     * Answers cut between their head and the end of their body, as an API server restart or a load balancer leaves them:
     * the operator's first list of Agents, and the first apply of each Agent's Deployment, which reaches the API server.
     * fabric8's client alone waits for the rest of such a body forever: the informer never synced (readiness stayed
     * down), and the Agent's reconcile was held until the process restarted. With the body deadline the request fails,
     * and the retry converges everything.
     */
    @Test
    void answersCutInTheMiddleOfTheirBodyFailAndTheRetryConvergesEveryAgent() {
        String namespace = "cut";
        Cluster.namespace(cluster.client(), namespace);
        Set<String> cut = ConcurrentHashMap.newKeySet();
        try (FaultInjectingProxy proxy = FaultInjectingProxy.to(cluster.apiServer().url())) {
            proxy.inject(head -> head.method().equals("GET") && !head.isWatch() && head.path().equals("/apis/runtime.agentic-layer.ai/v1alpha1/agents")
                    && cut.add(head.path()), new Fault.CutBody())
                    .inject(head -> head.method().equals("PATCH") && head.path().startsWith("/apis/apps/v1/namespaces/cut/deployments/")
                            && cut.add(head.path()), new Fault.CutBody());
            try (PackagedOperator operator = cluster.installed().start("operator-cut", proxy.url(), Map.of(), Map.of()).awaitReady()) {
                Instant start = Instant.now();
                for (int i = 0; i < 5; i++) {
                    Cluster.createAgent(cluster.client(), namespace, "cut-" + i, "{}");
                }
                // while the cut applies wait for the rest of their answers, the metric shows their reconciles in flight
                Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                        .until(() -> oldestReconcileSeconds(operator, "agent") >= 5);
                for (int i = 0; i < 5; i++) {
                    awaitUntil(cluster.client(), Agent.class, namespace, "cut-" + i,
                            a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"), RECOVERY);
                }
                System.out.printf("cut answers: %d Agents Ready %s after their creation, each after one cut apply%n", 5, Duration.between(start, Instant.now()));
                List<Seen> cutAnswers = proxy.seen().stream().filter(Seen::injected).toList();
                assertThat(cutAnswers).as("answers cut: the first Agent list and one Deployment apply per Agent").hasSize(6)
                        .allSatisfy(seen -> assertThat(seen.status()).as("the API server answered " + seen.head().path()).isBetween(200, 201));
                assertThat(operator.log()).contains("its body did not end within 20 s of its head");
                assertThat(oldestReconcileSeconds(operator, "agent")).as("oldest Agent reconcile in flight, once all converged").isLessThan(5);
                assertThat(operator.isAlive()).isTrue();
            }
        }
    }

    /**
     * Events are written in the background, so a SIGTERM can find some waiting: with a slow Event API, those the drain has
     * time for reach the API server before the client closes; what it has no time for is counted and said in one line,
     * and the process still exits within its grace period.
     */
    @Test
    void eventsWaitingAtSigtermAreWrittenWithinTheDrainAndTheRestAreCountedAsLost() throws Exception {
        // 6 × 0.7 s of Events fit in the 5 s the drain waits; 6 × 3 s do not
        assertThat(eventsAfterSigterm("drained", Duration.ofMillis(700))).as("Events on the API server, of 6").isEqualTo(6);
        assertThat(eventsAfterSigterm("dropped", Duration.ofSeconds(3))).as("Events on the API server, of 6").isLessThan(6);
    }

    /** Starts an operator whose Event writes each take {@code slowness}, converges 6 Agents, stops it; the Events stored then. */
    private static long eventsAfterSigterm(String namespace, Duration slowness) throws Exception {
        Cluster.namespace(cluster.client(), namespace);
        try (FaultInjectingProxy proxy = FaultInjectingProxy.to(cluster.apiServer().url())) {
            proxy.inject(head -> head.method().equals("POST") && head.path().contains("/namespaces/" + namespace + "/events"),
                    new Fault.Delay(slowness));
            try (PackagedOperator operator = cluster.installed().start("operator-" + namespace, proxy.url(), Map.of(), Map.of()).awaitReady()) {
                createAndAwaitReady(namespace, "agent-", 6);
                long writtenBefore = events(namespace);
                assertThat(writtenBefore).as("Events already written when every Agent is Ready, of 6").isLessThan(6);

                operator.signalTerminate();
                assertThat(operator.awaitExit(Duration.ofSeconds(25))).as("exited within the grace period").isTrue();
                long written = events(namespace);
                boolean lost = written < 6;
                System.out.printf("Event writes of %s each: %d of 6 written when every Agent was Ready, %d once the process exited%n", slowness,
                        writtenBefore, written);
                assertThat(operator.log()).doesNotContain("Client is closed").doesNotContain("Could not record event");
                if (lost) {
                    // the queued ones and the one being written when the drain ends (its write is interrupted; it may still
                    // reach the API server through the proxy)
                    assertThat(operator.log()).containsPattern("Stopping with [1-6] Events not written");
                } else {
                    assertThat(operator.log()).doesNotContain("Events not written");
                }
                return written;
            }
        }
    }

    private static long events(String namespace) {
        return cluster.client().events().v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(event -> "Agent".equals(event.getRegarding().getKind())).count();
    }

    private static double oldestReconcileSeconds(PackagedOperator operator, String controller) {
        String series = "agent_runtime_oldest_reconcile_seconds{controller=\"" + controller + "\"} ";
        return operator.get("/q/metrics").body().lines().filter(line -> line.startsWith(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length()))).findFirst().orElse(-1);
    }

    private static long failureLines(PackagedOperator operator, String name) {
        return operator.log().lines().filter(line -> line.contains("/" + name + ":") || line.contains("/" + name + " ")).count();
    }

    private static boolean isChildOrStatusWrite(RequestHead head) {
        return head.isWrite() && !head.path().contains("/leases") && !head.path().contains("/events");
    }

    private static void createAndAwaitReady(String namespace, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            Cluster.createAgent(cluster.client(), namespace, prefix + i, "{}");
        }
        for (int i = 0; i < count; i++) {
            awaitReady(namespace, prefix + i);
        }
    }

    private static void awaitReady(String namespace, String name) {
        awaitUntil(cluster.client(), Agent.class, namespace, name, a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
    }

    private static void sleep(Duration duration) {
        Awaitility.await().pollDelay(duration).atMost(duration.plusSeconds(1)).until(() -> true);
    }
}
