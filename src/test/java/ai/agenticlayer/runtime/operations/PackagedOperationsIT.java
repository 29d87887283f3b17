package ai.agenticlayer.runtime.operations;

import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.common.ConfigSources;
import ai.agenticlayer.runtime.testing.ApplyingCrudDispatcher;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.StandaloneApiServer;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Health, leader election, watched namespaces and the config-rollout switch of the packaged operator, each against
 * its own mock API server.
 */
class PackagedOperationsIT {

    private static final String OPERATOR_NAMESPACE = "agent-runtime-operator-system";
    private static final Map<String, String> NO_LEADER_ELECTION = Map.of("agent-runtime.leader-election.enabled", "false");

    private static void createAgent(KubernetesClient client, String namespace, String name) {
        Cluster.createAgent(client, namespace, name, "{}");
    }

    @Test
    void readinessFollowsTheApiServerAndLivenessStaysUp() {
        try (StandaloneApiServer apiServer = StandaloneApiServer.withCrds();
                PackagedOperator operator = PackagedOperator.start("health", apiServer.url(), NO_LEADER_ELECTION, Map.of()).awaitReady()) {
            assertThat(operator.status("/q/health/live")).isEqualTo(200);

            apiServer.stop();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> operator.status("/q/health/ready") == 503);
            assertThat(operator.status("/q/health/live")).isEqualTo(200);
            assertThat(operator.isAlive()).isTrue();

            apiServer.restart();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> operator.status("/q/health/ready") == 200);
            try (KubernetesClient client = apiServer.client()) {
                createAgent(client, "after-outage", "survivor");
                awaitUntil(client, Agent.class, "after-outage", "survivor",
                        a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
            }
        }
    }

    @Test
    void onlyTheLeaderReconcilesAndTheOtherTakesOverWhenItStops() {
        Map<String, String> fastLease = Map.of("agent-runtime.leader-election.lease-duration", "4s",
                "agent-runtime.leader-election.renew-deadline", "3s", "agent-runtime.leader-election.retry-period", "1s");
        try (StandaloneApiServer apiServer = StandaloneApiServer.withCrds(); KubernetesClient client = apiServer.client()) {
            // the two replicas reach the API server under different host names, so that the requests tell who wrote
            PackagedOperator first = PackagedOperator.start("leader-first", apiServer.url("localhost"),
                    with(fastLease, "agent-runtime.leader-election.identity", "first"), Map.of());
            awaitHolder(client, "first");
            try (PackagedOperator second = PackagedOperator.start("leader-second", apiServer.url("127.0.0.1"),
                    with(fastLease, "agent-runtime.leader-election.identity", "second"), Map.of())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> second.log().contains("started in") || !second.isAlive());
                int mark = apiServer.dispatcher().requests().size();
                createAgent(client, "led", "one");
                awaitUntil(client, Deployment.class, "led", "one", d -> true);
                assertThat(writers(apiServer, mark, "/namespaces/led/")).containsOnly("localhost");

                first.close();
                awaitHolder(client, "second");
                mark = apiServer.dispatcher().requests().size();
                createAgent(client, "led", "two");
                awaitUntil(client, Agent.class, "led", "two", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
                assertThat(writers(apiServer, mark, "/namespaces/led/")).containsOnly("127.0.0.1");
            } finally {
                first.close();
            }
        }
    }

    @Test
    void withWatchedNamespacesAnAgentOutsideThemIsLeftAlone() {
        try (StandaloneApiServer apiServer = StandaloneApiServer.withCrds(); KubernetesClient client = apiServer.client();
                PackagedOperator operator = PackagedOperator.start("namespaces", apiServer.url(), NO_LEADER_ELECTION,
                        Map.of("QUARKUS_OPERATOR_SDK_NAMESPACES", "team-a")).awaitReady()) {
            createAgent(client, "team-b", "outside");
            createAgent(client, "team-a", "inside");

            awaitUntil(client, Agent.class, "team-a", "inside", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
            await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
            assertThat(client.resources(Agent.class).inNamespace("team-b").withName("outside").get().getStatus()).isNull();
            assertThat(client.apps().deployments().inNamespace("team-b").withName("outside").get()).isNull();
            assertThat(apiServer.dispatcher().requests()).noneMatch(r -> r.path().contains("/namespaces/team-b/") && r.isWrite()
                    && !r.path().endsWith("/agents"));
        }
    }

    @Test
    void withConfigRolloutOffSecretsAndConfigMapsAreNeverRequested() {
        try (StandaloneApiServer apiServer = StandaloneApiServer.withCrds(); KubernetesClient client = apiServer.client();
                PackagedOperator operator = PackagedOperator.start("no-config-rollout", apiServer.url(), NO_LEADER_ELECTION,
                        Map.of("AGENT_RUNTIME_CONFIG_ROLLOUT_ENABLED", "false")).awaitReady()) {
            Cluster.createAgent(client, "team-a", "keyed", "{envFrom: [{secretRef: {name: api-keys}}]}");

            awaitUntil(client, Agent.class, "team-a", "keyed", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
            Deployment deployment = client.apps().deployments().inNamespace("team-a").withName("keyed").get();
            assertThat(Objects.requireNonNullElse(deployment.getSpec().getTemplate().getMetadata().getAnnotations(), Map.of()))
                    .as("no config hash").doesNotContainKey(ConfigSources.HASH_ANNOTATION);
            assertThat(apiServer.dispatcher().requests()).extracting(ApplyingCrudDispatcher.Request::path)
                    .noneMatch(path -> path.contains("/secrets") || path.contains("/configmaps"));
        }
    }

    private static void awaitHolder(KubernetesClient client, String identity) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Lease lease = client.leases().inNamespace(OPERATOR_NAMESPACE).withName("agent-runtime-operator").get();
            return lease != null && identity.equals(lease.getSpec().getHolderIdentity());
        });
    }

    /** The hosts that sent writes to paths containing the fragment since the mark (leases excluded). */
    private static List<String> writers(StandaloneApiServer apiServer, int mark, String fragment) {
        List<ApplyingCrudDispatcher.Request> requests = apiServer.dispatcher().requests();
        return requests.subList(mark, requests.size()).stream()
                .filter(ApplyingCrudDispatcher.Request::isWrite)
                .filter(r -> r.path().contains(fragment) && !r.path().endsWith("/agents"))
                .map(r -> r.host().replaceFirst(":\\d+$", ""))
                .distinct().toList();
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        var copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
