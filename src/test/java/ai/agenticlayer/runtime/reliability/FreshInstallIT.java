package ai.agenticlayer.runtime.reliability;

import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.InstalledOperator;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RealApiServer;
import ai.agenticlayer.runtime.testing.RunsPackagedOperator;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A first install on a cluster that has never seen the CRDs ({@code kubectl apply -f kubernetes/crds/} and then
 * {@code install.yaml}): the operator starts while the new resources are still being established and their watch
 * caches answer 429 "storage is (re)initializing". It must ride that out, not exit and wait for the kubelet. The
 * native executable, ready in a fraction of a second, starts deepest in that window.
 */
@RunsPackagedOperator
class FreshInstallIT {

    @Test
    void anOperatorStartedRightAfterItsCrdsWereCreatedStartsAndReconciles() {
        try (RealApiServer apiServer = RealApiServer.start("fresh-install"); KubernetesClient client = apiServer.adminClient()) {
            Instant created = Instant.now();
            apiServer.createCrds();
            InstalledOperator installed = InstalledOperator.installShippedManifest(apiServer);
            try (PackagedOperator operator = installed.start("operator-fresh", Map.of()).awaitReady()) {
                Duration ready = Duration.between(created, Instant.now());
                Cluster.namespace(client, "fresh");
                Cluster.createAgent(client, "fresh", "first", "{}");
                awaitUntil(client, Agent.class, "fresh", "first",
                        a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
                // as the API server counted them: refusals of the operator's requests while the CRDs were still new
                Map<Integer, Long> refused = apiServer.auditEvents(installed.user(), 0, e -> e.code() == 404 || e.code() == 429).stream()
                        .collect(Collectors.groupingBy(RealApiServer.AuditEvent::code, TreeMap::new, Collectors.counting()));
                System.out.printf("fresh install: ready %s after the CRDs were created; requests refused meanwhile, by status: %s%n",
                        ready, refused);
                assertThat(operator.isAlive()).isTrue();
            }
        }
    }
}
