package ai.agenticlayer.runtime.packaging;

import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import ai.agenticlayer.runtime.api.Manifests;
import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.testing.InstalledCluster;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RealApiServer.AuditEvent;

/**
 * An upgrade from an earlier build of this operator, over objects that set none of the fields added since: the new
 * operator writes nothing to their Deployments and Services (no rollout), only what the status gained. Needs the
 * earlier build's jar, so it runs when asked: {@code -Dupgrade.fromJar=<its target/quarkus-app/quarkus-run.jar>}
 * (docs/testing.md).
 */
@EnabledIfSystemProperty(named = "upgrade.fromJar", matches = ".+")
class UpgradeIT {

    @RegisterExtension
    static final InstalledCluster cluster = InstalledCluster.named("upgrade");

    @Test
    void theNewOperatorWritesNothingToTheChildrenTheEarlierOneLeft() throws Exception {
        var client = cluster.client();
        Path earlier = Path.of(System.getProperty("upgrade.fromJar"));
        assertThat(earlier).isRegularFile();
        List<JsonNode> samples = Manifests.documentsIn(Manifests.SAMPLES);
        try (PackagedOperator operator = cluster.installed().startJar("upgrade-earlier", earlier).awaitReady()) {
            Path manifest = Files.writeString(Path.of("target", "upgrade-samples.yaml"),
                    samples.stream().map(JsonNode::toString).collect(Collectors.joining("\n---\n")));
            cluster.apiServer().kubectl("apply", "--server-side", "-f", manifest.toString());
            for (JsonNode sample : samples) {
                String kind = Manifests.kindOf(sample);
                String namespace = sample.at("/metadata/namespace").asText();
                String name = sample.at("/metadata/name").asText();
                if (kind.equals("Agent")) {
                    awaitUntil(client, Agent.class, namespace, name, a -> a.getStatus() != null
                            && a.getMetadata().getGeneration().equals(a.getStatus().getObservedGeneration()));
                } else if (kind.equals("ToolServer")) {
                    awaitUntil(client, ToolServer.class, namespace, name, t -> t.getStatus() != null
                            && t.getMetadata().getGeneration().equals(t.getStatus().getObservedGeneration()));
                }
            }
            cluster.installed().awaitQuiet();
        }
        long children = client.apps().deployments().inAnyNamespace().list().getItems().size();
        assertThat(children).as("Deployments the earlier operator made").isPositive();

        int upgrade = cluster.apiServer().auditMark();
        try (PackagedOperator operator = cluster.installed().start("upgrade-new", Map.of()).awaitReady()) {
            cluster.installed().awaitLeaseHolder(client, "upgrade-new");
            Thread.sleep(2000);
            cluster.installed().awaitQuiet();
            List<AuditEvent> writes = cluster.apiServer().auditEvents(cluster.installed().user(), upgrade, e -> e.isWrite()
                    && e.code() < 400 && !e.resource().equals("leases") && !e.resource().equals("events")
                    && !(e.apiGroup().equals("authorization.k8s.io") && e.resource().startsWith("selfsubject")));
            Map<String, Long> byResource = writes.stream().collect(Collectors.groupingBy(AuditEvent::resource, TreeMap::new,
                    Collectors.counting()));
            System.out.printf("upgrade over %d Deployments: writes by resource %s%n", children, byResource);
            assertThat(writes).filteredOn(e -> e.resource().equals("deployments") || e.resource().equals("services"))
                    .as("writes to the children (a Deployment write would roll its pods)").isEmpty();
            assertThat(byResource.keySet()).as("only the status gains its new fields")
                    .allSatisfy(resource -> assertThat(resource).endsWith("/status"));
        }
    }
}
