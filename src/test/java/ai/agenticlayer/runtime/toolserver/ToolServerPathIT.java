package ai.agenticlayer.runtime.toolserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.InstalledCluster;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RealApiServer.AuditEvent;
import ai.agenticlayer.runtime.testing.RunsPackagedOperator;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The ToolServer path as tool gateways read it (docs/api.md, "The ToolServer path"), on a real API server with the
 * shipped install: an sse ToolServer without a path is reachable at {@code /sse} through an implementation that
 * routes to {@code spec.path} and falls back to {@code /mcp}, as agentgateway does; nothing else is written.
 */
@RunsPackagedOperator
class ToolServerPathIT {

    @RegisterExtension
    static final InstalledCluster cluster = InstalledCluster.named("toolserver-path");

    @Test
    void anSseToolServerWithoutAPathGetsSseWrittenOnceAndNothingElseIsWritten() throws Exception {
        KubernetesClient client = cluster.client();
        Cluster.namespace(client, "tools");
        Path manifest = Files.writeString(Path.of("target", "toolserver-path.yaml"), """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: ToolServer
                metadata: {name: search, namespace: tools}
                spec: {protocol: mcp, transportType: sse, image: ghcr.io/example/search-mcp:1.0.0}
                ---
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: ToolServer
                metadata: {name: files, namespace: tools}
                spec: {protocol: mcp, transportType: http, image: ghcr.io/example/files-mcp:1.0.0}
                ---
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: ToolServer
                metadata: {name: events, namespace: tools}
                spec: {protocol: mcp, transportType: sse, image: ghcr.io/example/search-mcp:1.0.0, path: /events}
                """);
        int mark = cluster.apiServer().auditMark();
        try (PackagedOperator operator = cluster.installed().start("toolserver-path", Map.of()).awaitReady()) {
            cluster.apiServer().kubectl("apply", "-f", manifest.toString());
            for (String name : List.of("search", "files", "events")) {
                Cluster.awaitUntil(client, ToolServer.class, "tools", name, t -> t.getStatus() != null
                        && t.getMetadata().getGeneration().equals(t.getStatus().getObservedGeneration())
                        && t.getStatus().getUrl() != null);
            }
            cluster.installed().awaitQuiet();

            assertThat(gatewayUrl(client, "search")).isEqualTo("http://search.tools.svc.cluster.local:8080/sse")
                    .isEqualTo(status(client, "search"));
            assertThat(gatewayUrl(client, "files")).isEqualTo("http://files.tools.svc.cluster.local:8080/mcp")
                    .isEqualTo(status(client, "files"));
            assertThat(gatewayUrl(client, "events")).isEqualTo("http://events.tools.svc.cluster.local:8080/events")
                    .isEqualTo(status(client, "events"));
            assertThat(client.resources(ToolServer.class).inNamespace("tools").withName("files").get().getSpec().getPath())
                    .as("an http ToolServer's spec stays as written").isNull();
            List<AuditEvent> specWrites = cluster.apiServer().auditEvents(cluster.installed().user(), mark,
                    e -> e.isWrite() && e.resource().equals("toolservers") && !e.uri().contains("/status"));
            assertThat(specWrites).extracting(e -> e.verb() + " " + e.name() + " " + e.code())
                    .containsExactly("patch search 200");

            // the user applies the same manifest again, as GitOps does: the path stays, nothing is written
            int again = cluster.apiServer().auditMark();
            cluster.apiServer().kubectl("apply", "-f", manifest.toString());
            Thread.sleep(2000);
            cluster.installed().awaitQuiet();
            assertThat(gatewayUrl(client, "search")).endsWith("/sse");
            assertThat(cluster.apiServer().auditEvents(cluster.installed().user(), again, AuditEvent::isWrite)
                    .stream().filter(e -> !e.resource().equals("leases")).toList()).isEmpty();
        }
    }

    /** Where a gateway that reads the spec as agentgateway does routes: {@code spec.path}, else {@code /mcp}. */
    private static String gatewayUrl(KubernetesClient client, String name) {
        ToolServer server = Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> client.resources(ToolServer.class).inNamespace("tools").withName(name).get(), s -> s != null);
        String path = server.getSpec().getPath() == null ? "/mcp" : server.getSpec().getPath();
        return "http://" + name + ".tools.svc.cluster.local:" + ToolServerChildren.port(server.getSpec()) + path;
    }

    private static String status(KubernetesClient client, String name) {
        return client.resources(ToolServer.class).inNamespace("tools").withName(name).get().getStatus().getUrl();
    }
}
