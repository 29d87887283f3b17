package ai.agenticlayer.runtime.agent;

import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgentRuntimeConfiguration;
import ai.agenticlayer.runtime.api.v1alpha1.AgenticWorkforce;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.api.v1alpha1.ObservedStatus;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.status.Pause;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.InstalledCluster;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RealApiServer.AuditEvent;
import ai.agenticlayer.runtime.testing.RunsPackagedOperator;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The pause annotation on a real API server with the shipped install, counted by the audit log: one status write
 * when an object pauses, then none while it is edited, its children are deleted and its AgentRuntimeConfiguration
 * changes; removing the annotation converges it in one reconcile.
 */
@RunsPackagedOperator
class PauseIT {

    @RegisterExtension
    static final InstalledCluster cluster = InstalledCluster.named("pause");

    private static final String NS = "incident";

    @Test
    void aPausedObjectTakesNoWriteUntilResumedAndThenConvergesOnce() throws Exception {
        KubernetesClient client = cluster.client();
        Cluster.namespace(client, NS);
        Path manifest = Files.writeString(Path.of("target", "pause.yaml"), """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: AgentRuntimeConfiguration
                metadata: {name: team, namespace: incident}
                spec: {nodeSelector: {pool: agents}}
                ---
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: frozen, namespace: incident}
                spec: {description: before}
                ---
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: ToolServer
                metadata: {name: frozen-tools, namespace: incident}
                spec: {image: ghcr.io/example/mcp:1}
                ---
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: AgenticWorkforce
                metadata: {name: crew, namespace: incident}
                spec: {name: Crew, description: Crew, owner: ops@example.com, entryPointAgents: [{name: frozen}]}
                """);
        try (PackagedOperator operator = cluster.installed().start("pause", Map.of()).awaitReady()) {
            cluster.apiServer().kubectl("apply", "--server-side", "-f", manifest.toString());
            awaitUntil(client, Agent.class, NS, "frozen", a -> ready(a.getStatus()));
            awaitUntil(client, ToolServer.class, NS, "frozen-tools", t -> ready(t.getStatus()));
            awaitUntil(client, AgenticWorkforce.class, NS, "crew", w -> ready(w.getStatus()));
            cluster.installed().awaitQuiet();

            int pause = cluster.apiServer().auditMark();
            for (String object : List.of("agent/frozen", "toolserver/frozen-tools", "agenticworkforce/crew")) {
                cluster.apiServer().kubectl("annotate", "-n", NS, object, Pause.ANNOTATION + "=true");
            }
            awaitUntil(client, Agent.class, NS, "frozen", a -> paused(a.getStatus()));
            awaitUntil(client, ToolServer.class, NS, "frozen-tools", t -> paused(t.getStatus()));
            awaitUntil(client, AgenticWorkforce.class, NS, "crew", w -> paused(w.getStatus()));
            cluster.installed().awaitQuiet();
            assertThat(operatorWrites(pause)).as("one status write per object when it pauses")
                    .containsExactlyInAnyOrder("patch agents/status frozen", "patch toolservers/status frozen-tools",
                            "patch agenticworkforces/status crew");
            assertThat(cluster.apiServer().kubectl("get", "agent", "frozen", "-n", NS)).contains("PAUSED").contains("True");
            assertThat(hasCondition(client.resources(Agent.class).inNamespace(NS).withName("frozen").get().getStatus(), "Ready",
                    ConditionStatus.TRUE, "Reconciled")).as("the rest of the status stays as it was").isTrue();

            int paused = cluster.apiServer().auditMark();
            Cluster.edit(client, Agent.class, NS, "frozen", a -> a.getSpec().setDescription("after"));
            Cluster.edit(client, ToolServer.class, NS, "frozen-tools", t -> t.getSpec().setPort(9090));
            Cluster.edit(client, AgenticWorkforce.class, NS, "crew", w -> w.getSpec().setDescription("edited"));
            client.apps().deployments().inNamespace(NS).withName("frozen").delete();
            client.services().inNamespace(NS).withName("frozen").delete();
            client.apps().deployments().inNamespace(NS).withName("frozen-tools").delete();
            Cluster.edit(client, AgentRuntimeConfiguration.class, NS, "team", arc -> arc.getSpec().setNodeSelector(Map.of("pool", "b")));
            Thread.sleep(3000);
            cluster.installed().awaitQuiet();
            assertThat(operatorWrites(paused)).as("writes while paused").isEmpty();
            assertThat(client.apps().deployments().inNamespace(NS).withName("frozen").get()).isNull();

            int resume = cluster.apiServer().auditMark();
            for (String object : List.of("agent/frozen", "toolserver/frozen-tools", "agenticworkforce/crew")) {
                cluster.apiServer().kubectl("annotate", "-n", NS, object, Pause.ANNOTATION + "-");
            }
            Agent agent = awaitUntil(client, Agent.class, NS, "frozen", a -> ready(a.getStatus()) && !paused(a.getStatus()));
            assertThat(agent.getStatus().getObservedGeneration()).isEqualTo(agent.getMetadata().getGeneration());
            awaitUntil(client, ToolServer.class, NS, "frozen-tools", t -> ready(t.getStatus()) && !paused(t.getStatus())
                    && t.getStatus().getUrl().contains(":9090"));
            awaitUntil(client, AgenticWorkforce.class, NS, "crew", w -> ready(w.getStatus()) && !paused(w.getStatus()));
            cluster.installed().awaitQuiet();
            var pod = client.apps().deployments().inNamespace(NS).withName("frozen").get().getSpec().getTemplate().getSpec();
            assertThat(pod.getNodeSelector()).containsEntry("pool", "b");
            assertThat(pod.getContainers().get(0).getEnv()).anySatisfy(env -> assertThat(env.getValue()).isEqualTo("after"));
            assertThat(operatorWrites(resume)).as("one reconcile each: each child applied once (server-side apply creates the deleted ones), the status once")
                    .containsExactlyInAnyOrder("patch deployments frozen", "patch services frozen", "patch agents/status frozen",
                            "patch deployments frozen-tools", "patch services frozen-tools", "patch toolservers/status frozen-tools",
                            "patch agenticworkforces/status crew");
        }
    }

    private static boolean ready(ObservedStatus status) {
        return Cluster.condition(status, "Ready").filter(c -> c.getStatus() == ConditionStatus.TRUE).isPresent();
    }

    private static boolean paused(ObservedStatus status) {
        return hasCondition(status, Pause.CONDITION, ConditionStatus.TRUE, "Paused");
    }

    /**
     * What the operator wrote since the mark, as {@code verb resource[/subresource] name}: Events, its Lease and the
     * AgentRuntimeConfiguration's own status (it is not paused) aside.
     */
    private static List<String> operatorWrites(int mark) {
        return cluster.apiServer().auditEvents(cluster.installed().user(), mark, e -> e.isWrite() && !e.resource().equals("leases")
                && !e.resource().equals("events") && !e.resource().startsWith("agentruntimeconfigurations")).stream()
                .map(PauseIT::describe).toList();
    }

    private static String describe(AuditEvent event) {
        return event.verb() + " " + event.resource() + " " + event.name();
    }
}
