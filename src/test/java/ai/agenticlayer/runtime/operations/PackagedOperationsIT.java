package ai.agenticlayer.runtime.operations;

import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.configsource.ConfigSources;
import ai.agenticlayer.runtime.testing.ApplyingCrudDispatcher;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RunsPackagedOperator;
import ai.agenticlayer.runtime.testing.StandaloneApiServer;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Health and the config-rollout switch of the packaged operator, each against its own mock API server (which can be
 * stopped and restarted in place). Leader election and watched namespaces are proven on a real API server
 * ({@code InstalledOperatorIT}, {@code WatchedNamespacesIT}).
 */
@RunsPackagedOperator
class PackagedOperationsIT {

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

    /**
     * {@code kill -QUIT} prints every thread's stack to the log and the process goes on, from the jar as from the native
     * executable (whose SIGQUIT handler comes with the monitoring Quarkus builds in). This is what to take when
     * {@code agent_runtime_oldest_reconcile_seconds} shows a reconcile that does not end.
     */
    @Test
    void sigquitPrintsEveryThreadsStackAndTheOperatorGoesOn() throws Exception {
        try (StandaloneApiServer apiServer = StandaloneApiServer.withCrds();
                PackagedOperator operator = PackagedOperator.start("thread-dump", apiServer.url(), NO_LEADER_ELECTION, Map.of()).awaitReady()) {
            int logBefore = operator.log().length();
            assertThat(new ProcessBuilder("kill", "-QUIT", Long.toString(operator.pid())).start().waitFor()).isZero();

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
                String dump = operator.log().substring(logBefore);
                // a thread dump names threads in quotes, where log lines put them in parentheses
                return dump.contains("\"vert.x-eventloop-thread-") && dump.contains("\tat ");
            });
            assertThat(operator.isAlive()).isTrue();
            assertThat(operator.status("/q/health/live")).isEqualTo(200);
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
}
