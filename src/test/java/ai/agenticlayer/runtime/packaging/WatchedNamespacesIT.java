package ai.agenticlayer.runtime.packaging;

import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.configsource.ConfigSources;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.InstalledOperator;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RealApiServer;
import ai.agenticlayer.runtime.testing.RealApiServer.AuditEvent;
import ai.agenticlayer.runtime.testing.RunsPackagedOperator;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The chart installed with {@code watchNamespaces}: its RoleBindings in those namespaces are all the operator gets,
 * on a real kube-apiserver. It reconciles there (config rollout included, which reads Secrets), never sends a request
 * into another namespace, and no request of it is refused.
 */
@RunsPackagedOperator
class WatchedNamespacesIT {

    /**
     * With a list of namespaces the SDK runs one informer per namespace. Agents that exist before it starts are
     * listed by each namespace's informer; every one of them must end up reconciled, whichever informer lists first.
     */
    @Test
    void agentsCreatedBeforeItStartsAreReconciledInEveryWatchedNamespace() {
        try (RealApiServer apiServer = RealApiServer.withCrds("watched-namespaces-existing"); KubernetesClient client = apiServer.adminClient()) {
            for (String namespace : new String[] { Packaging.NAMESPACE, "team-a" }) {
                Cluster.namespace(client, namespace);
            }
            InstalledOperator installed = InstalledOperator.install(apiServer, Packaging.renderChart(Map.of("watchNamespaces[0]", "team-a")));
            for (int i = 0; i < 3; i++) {
                Cluster.createAgent(client, "team-a", "existing-" + i, "{}");
                Cluster.createAgent(client, Packaging.NAMESPACE, "existing-" + i, "{}");
            }
            try (PackagedOperator operator = installed.start("operator-watched-namespaces-existing", Map.of()).awaitReady()) {
                for (String namespace : new String[] { Packaging.NAMESPACE, "team-a" }) {
                    for (int i = 0; i < 3; i++) {
                        awaitUntil(client, Agent.class, namespace, "existing-" + i,
                                a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
                        assertThat(client.apps().deployments().inNamespace(namespace).withName("existing-" + i).get()).isNotNull();
                    }
                }
            }
        }
    }

    @Test
    void withTheChartsNamespacedRbacItReconcilesTheWatchedNamespacesOnly() {
        try (RealApiServer apiServer = RealApiServer.withCrds("watched-namespaces"); KubernetesClient client = apiServer.adminClient()) {
            for (String namespace : new String[] { Packaging.NAMESPACE, "team-a", "team-b" }) {
                Cluster.namespace(client, namespace);
            }
            InstalledOperator installed = InstalledOperator.install(apiServer, Packaging.renderChart(Map.of("watchNamespaces[0]", "team-a")));
            int mark = apiServer.auditMark();
            try (PackagedOperator operator = installed.start("operator-watched-namespaces", Map.of()).awaitReady()) {
                Cluster.create(client, """
                        apiVersion: v1
                        kind: Secret
                        metadata: {name: api-keys, namespace: team-a}
                        stringData: {OPENAI_API_KEY: key}
                        """);
                Cluster.createAgent(client, "team-a", "inside", "{envFrom: [{secretRef: {name: api-keys}}]}");
                Cluster.createAgent(client, "team-b", "outside", "{}");

                awaitUntil(client, Agent.class, "team-a", "inside", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
                Deployment inside = client.apps().deployments().inNamespace("team-a").withName("inside").get();
                String hash = inside.getSpec().getTemplate().getMetadata().getAnnotations().get(ConfigSources.HASH_ANNOTATION);
                assertThat(hash).isNotNull();
                // the Secret's new value reaches the operator through team-a's own Secret informer: the pods roll
                client.secrets().inNamespace("team-a").withName("api-keys").edit(secret -> {
                    secret.setData(null);
                    secret.setStringData(Map.of("OPENAI_API_KEY", "rotated"));
                    return secret;
                });
                awaitUntil(client, Deployment.class, "team-a", "inside",
                        d -> !hash.equals(d.getSpec().getTemplate().getMetadata().getAnnotations().get(ConfigSources.HASH_ANNOTATION)));

                await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
                assertThat(client.resources(Agent.class).inNamespace("team-b").withName("outside").get().getStatus()).isNull();
                assertThat(client.apps().deployments().inNamespace("team-b").withName("outside").get()).isNull();
                assertThat(apiServer.auditEvents(installed.user(), mark, e -> true))
                        .noneMatch(e -> e.namespace().equals("team-b"))
                        .filteredOn(e -> e.code() == 403).extracting(AuditEvent::toString).as("refused requests").isEmpty();
            }
        }
    }
}
