package ai.agenticlayer.runtime.agent;

import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgentRuntimeConfiguration;
import ai.agenticlayer.runtime.api.v1alpha1.AgentTool;
import ai.agenticlayer.runtime.api.v1alpha1.AgentToolUpstream;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.InstalledCluster;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RealApiServer.AuditEvent;
import ai.agenticlayer.runtime.testing.RunsPackagedOperator;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The cross-namespace reference policy on a real API server with the shipped install (docs/api.md, "Cross-namespace
 * references"): a forbidden reference is Ready=False with its reason, a Warning Event and a message naming the rule,
 * and the Agent's children stay as they were; widening the policy converges the Agent it affects and writes nothing
 * for the others.
 */
@RunsPackagedOperator
class ReferencePolicyIT {

    @RegisterExtension
    static final InstalledCluster cluster = InstalledCluster.named("reference-policy");

    @Test
    void aForbiddenReferenceIsReportedAndChangesNoChildAndAPolicyChangeConvergesTheAgentsItAffects() throws Exception {
        KubernetesClient client = cluster.client();
        String platform = cluster.installed().namespace();
        for (String namespace : List.of("shared", "team-a", "team-b", "other")) {
            Cluster.namespace(client, namespace);
        }
        Path manifest = Files.writeString(Path.of("target", "reference-policy.yaml"), """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: AgentRuntimeConfiguration
                metadata: {name: platform, namespace: %s}
                spec: {referencePolicy: {allowedNamespaces: [shared]}}
                ---
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: ToolServer
                metadata: {name: search, namespace: shared}
                spec: {image: ghcr.io/example/search-mcp:1}
                ---
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: ToolServer
                metadata: {name: billing, namespace: other}
                spec: {image: ghcr.io/example/billing-mcp:1}
                ---
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: coordinator, namespace: team-a}
                spec: {tools: [{name: search, upstream: {toolServerRef: {name: search, namespace: shared}}}]}
                ---
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: bystander, namespace: team-b}
                spec: {tools: [{name: search, upstream: {toolServerRef: {name: search, namespace: shared}}}]}
                """.formatted(platform));
        try (PackagedOperator operator = cluster.installed().start("reference-policy", Map.of()).awaitReady()) {
            cluster.apiServer().kubectl("apply", "--server-side", "-f", manifest.toString());
            for (String namespace : List.of("team-a", "team-b")) {
                awaitUntil(client, Agent.class, namespace, namespace.equals("team-a") ? "coordinator" : "bystander",
                        a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
            }
            cluster.installed().awaitQuiet();

            int forbidden = cluster.apiServer().auditMark();
            AgentTool billing = new AgentTool();
            billing.setName("billing");
            billing.setUpstream(new AgentToolUpstream());
            billing.getUpstream().setToolServerRef(new ObjectReferenceBuilder().withName("billing").withNamespace("other").build());
            Cluster.edit(client, Agent.class, "team-a", "coordinator", a -> a.getSpec().getTools().add(billing));
            Agent refused = awaitUntil(client, Agent.class, "team-a", "coordinator",
                    a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.FALSE, "ReferenceNotAllowed"));
            assertThat(Cluster.condition(refused.getStatus(), "Ready").orElseThrow().getMessage()).isEqualTo(
                    "tool \"billing\": ToolServer other/billing: namespace other is not allowed by the referencePolicy of "
                            + "AgentRuntimeConfiguration " + platform + "/platform (allowedNamespaces: shared; an Agent's own "
                            + "namespace is always allowed)");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> client.resources(Event.class).inNamespace("team-a").list()
                    .getItems().stream().anyMatch(e -> "Warning".equals(e.getType()) && "ReferenceNotAllowed".equals(e.getReason())
                            && e.getRegarding().getName().equals("coordinator")));
            cluster.installed().awaitQuiet();
            assertThat(writes(forbidden, e -> e.resource().equals("deployments") || e.resource().equals("services")))
                    .as("children stay as they were").isEmpty();
            assertThat(client.apps().deployments().inNamespace("team-a").withName("coordinator").get()).isNotNull();

            int widened = cluster.apiServer().auditMark();
            Cluster.edit(client, AgentRuntimeConfiguration.class, platform, "platform",
                    arc -> arc.getSpec().getReferencePolicy().setAllowedNamespaces(List.of("shared", "other")));
            awaitUntil(client, Agent.class, "team-a", "coordinator", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE,
                    "Reconciled"));
            Thread.sleep(2000);
            cluster.installed().awaitQuiet();
            assertThat(writes(widened, e -> !e.resource().startsWith("agentruntimeconfigurations") && !e.resource().equals("events")))
                    .as("the Agent the change affects, and none other")
                    .containsExactlyInAnyOrder("team-a/coordinator deployments", "team-a/coordinator agents/status");
        }
    }

    private static List<String> writes(int mark, Predicate<AuditEvent> filter) {
        return cluster.apiServer().auditEvents(cluster.installed().user(), mark, e -> e.isWrite() && !e.resource().equals("leases")
                && filter.test(e)).stream().map(e -> e.namespace() + "/" + e.name() + " " + e.resource()).toList();
    }
}
