package ai.agenticlayer.runtime.operations;

import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.create;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RunsPackagedOperator;
import ai.agenticlayer.runtime.testing.StandaloneApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;

/** /q/metrics of the packaged operator (prod profile), after it reconciled a few objects. */
@RunsPackagedOperator
class PackagedMetricsIT {

    @Test
    void reconcileMetricsAndFleetGaugesAreScraped() {
        try (StandaloneApiServer apiServer = StandaloneApiServer.withCrds();
                KubernetesClient client = apiServer.client();
                PackagedOperator operator = PackagedOperator.start("metrics", apiServer.url(),
                        Map.of("agent-runtime.leader-election.enabled", "false"),
                        Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true")).awaitReady()) {
            create(client, "apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: Agent\nmetadata: {name: one, namespace: fleet}\nspec: {}");
            create(client, "apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: Agent\nmetadata: {name: two, namespace: fleet}\nspec: {}");
            create(client, """
                    apiVersion: runtime.agentic-layer.ai/v1alpha1
                    kind: Agent
                    metadata: {name: broken, namespace: fleet}
                    spec: {tools: [{name: t, upstream: {toolRouteRef: {name: missing-route}}}]}
                    """);
            awaitUntil(client, Agent.class, "fleet", "one", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
            awaitUntil(client, Agent.class, "fleet", "two", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
            awaitUntil(client, Agent.class, "fleet", "broken",
                    a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.FALSE, "ReconciliationFailed"));

            create(client, "apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: ToolServer\nmetadata: {name: files, namespace: fleet}\n"
                    + "spec: {image: 'mcp/filesystem:1.0'}");
            awaitUntil(client, ToolServer.class, "fleet", "files", t -> hasCondition(t.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));

            String metrics = operator.get("/q/metrics").body();
            // the SDK's reconcile metrics, per controller
            assertThat(metrics).containsPattern("operator_sdk_reconciliations_started_total\\{[^}]*kind=\"Agent\"[^}]*} [1-9]")
                    .containsPattern("operator_sdk_reconciliations_success_total\\{[^}]*kind=\"Agent\"[^}]*} [1-9]")
                    .containsPattern("operator_sdk_reconciliations_success_total\\{[^}]*kind=\"ToolServer\"[^}]*} [1-9]")
                    .contains("operator_sdk_reconciliations_queue_size_agent{")
                    .contains("operator_sdk_reconciliations_executions_agent{")
                    .contains("operator_sdk_controllers_execution_reconcile_seconds_bucket{controller=\"agent\"");
            // no reconcile stuck: every one ended
            assertThat(metrics).contains("agent_runtime_oldest_reconcile_seconds{controller=\"agent\"} 0.0")
                    .contains("agent_runtime_oldest_reconcile_seconds{controller=\"toolserver\"} 0.0")
                    .contains("agent_runtime_oldest_reconcile_seconds{controller=\"agenticworkforce\"} 0.0");
            // the fleet, by condition
            assertThat(metrics).contains("agent_runtime_resources{condition=\"Ready\",kind=\"Agent\",status=\"True\"} 2.0")
                    .contains("agent_runtime_resources{condition=\"Ready\",kind=\"Agent\",status=\"False\"} 1.0")
                    .contains("agent_runtime_resources{condition=\"Available\",kind=\"Agent\",status=\"Unknown\"} 2.0")
                    .contains("agent_runtime_resources{condition=\"Ready\",kind=\"ToolServer\",status=\"True\"} 1.0")
                    .contains("agent_runtime_resources{condition=\"Ready\",kind=\"AgenticWorkforce\",status=\"True\"} 0.0")
                    .contains("agent_runtime_agent_reference_failures{reference=\"tool\"} 1.0")
                    .contains("agent_runtime_agent_reference_failures{reference=\"subAgent\"} 0.0")
                    .contains("agent_runtime_child_conflicts{kind=\"Agent\"} 0.0");
            // Events are written in the background: none dropped, none left waiting once the operator is idle
            assertThat(metrics).contains("agent_runtime_events_dropped_total 0.0");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(operator.get("/q/metrics").body())
                    .contains("agent_runtime_events_pending 0.0"));
            // idle for 10 s (agent-runtime.idle-collection.after as shipped), it collects its heap once
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(operator.get("/q/metrics").body())
                    .containsPattern("(?m)^agent_runtime_idle_collections_total [1-9]"));
            // a missing reference is one JSON log line that names the Agent, not a stack trace
            JsonNode line = operator.log().lines().filter(l -> l.contains("Agent fleet/broken is not ready")).findFirst()
                    .map(PackagedMetricsIT::json).orElseThrow(() -> new AssertionError("no log line about fleet/broken"));
            assertThat(line.path("level").asText()).isEqualTo("INFO");
            assertThat(line.path("message").asText()).startsWith("Agent fleet/broken is not ready (ReconciliationFailed): failed to resolve 1 tool(s)");
            assertThat(line.path("mdc").path("resource.name").asText()).isEqualTo("broken");
            assertThat(line.path("mdc").path("resource.namespace").asText()).isEqualTo("fleet");
            assertThat(line.has("exception")).isFalse();
            assertThat(operator.log()).doesNotContain("\tat ai.agenticlayer");

            // every metric the shipped Grafana dashboard queries exists (failures appear with the first failed reconcile)
            Matcher names = Pattern.compile("(agent_runtime_[a-z_]+|operator_sdk_[a-z_]+[a-z])").matcher(dashboard());
            while (names.find()) {
                String name = names.group(1);
                if (!name.equals("operator_sdk_reconciliations_failed_total") && !name.endsWith("_")) {
                    assertThat(metrics).as("dashboard metric " + name).contains(name);
                }
            }

            // bounded cardinality: no series names an object
            assertThat(metrics).doesNotContain("\"one\"").doesNotContain("\"broken\"").doesNotContain("namespace=\"fleet\"");
        }
    }

    private static String dashboard() {
        try {
            return Files.readString(Path.of("docs", "grafana", "agent-runtime-operator.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }
}
