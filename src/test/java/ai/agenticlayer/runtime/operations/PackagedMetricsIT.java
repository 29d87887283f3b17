package ai.agenticlayer.runtime.operations;

import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.create;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.StandaloneApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;

/** /q/metrics of the packaged operator (prod profile), after it reconciled a few objects. */
class PackagedMetricsIT {

    @Test
    void reconcileMetricsAndFleetGaugesAreScraped() {
        try (StandaloneApiServer apiServer = StandaloneApiServer.withCrds();
                KubernetesClient client = apiServer.client();
                PackagedOperator operator = PackagedOperator.start("metrics", apiServer.url(),
                        Map.of("agent-runtime.leader-election.enabled", "false"), Map.of()).awaitReady()) {
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
            // the fleet, by condition
            assertThat(metrics).contains("agent_runtime_resources{condition=\"Ready\",kind=\"Agent\",status=\"True\"} 2.0")
                    .contains("agent_runtime_resources{condition=\"Ready\",kind=\"Agent\",status=\"False\"} 1.0")
                    .contains("agent_runtime_resources{condition=\"Available\",kind=\"Agent\",status=\"Unknown\"} 2.0")
                    .contains("agent_runtime_resources{condition=\"Ready\",kind=\"ToolServer\",status=\"True\"} 1.0")
                    .contains("agent_runtime_resources{condition=\"Ready\",kind=\"AgenticWorkforce\",status=\"True\"} 0.0")
                    .contains("agent_runtime_agent_reference_failures{reference=\"tool\"} 1.0")
                    .contains("agent_runtime_agent_reference_failures{reference=\"subAgent\"} 0.0")
                    .contains("agent_runtime_child_conflicts{kind=\"Agent\"} 0.0");
            // bounded cardinality: no series names an object
            assertThat(metrics).doesNotContain("\"one\"").doesNotContain("\"broken\"").doesNotContain("namespace=\"fleet\"");
        }
    }
}
