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
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.InstalledCluster;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RealApiServer.AuditEvent;
import ai.agenticlayer.runtime.testing.RunsPackagedOperator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Pod identity and placement on a real API server with the shipped install (docs/api.md, "Pod identity and
 * placement"), counted by the server's audit log: the fields reach the pod templates, with the defaults of both
 * AgentRuntimeConfigurations; a restart writes nothing; a field the operator does not set is left to whoever set it;
 * a configuration change rewrites exactly the Deployments whose pod template it changes, once each.
 */
@RunsPackagedOperator
class PodSettingsIT {

    @RegisterExtension
    static final InstalledCluster cluster = InstalledCluster.named("pod-settings");

    private static final String ALL_FIELDS = """
              serviceAccountName: bedrock-caller
              automountServiceAccountToken: true
              imagePullSecrets: [{name: private-registry}]
              nodeSelector: {pool: gpu}
              tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms: [{matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [a, b]}]}]
                podAntiAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 50
                    podAffinityTerm: {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {tier: agents}}}
              topologySpreadConstraints:
              - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {tier: agents}}}
              priorityClassName: agents-high
            """;

    @Test
    void fieldsAndDefaultsReachThePodTemplatesARestartWritesNothingAndOthersFieldsStayTheirs() throws Exception {
        KubernetesClient client = cluster.client();
        String platform = cluster.installed().namespace();
        Cluster.namespace(client, "team-a");
        Cluster.namespace(client, "team-b");
        Path manifest = Files.writeString(Path.of("target", "pod-settings.yaml"), """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: AgentRuntimeConfiguration
                metadata: {name: platform, namespace: %s}
                spec:
                  tolerations: [{key: dedicated, operator: Equal, value: agents, effect: NoSchedule}]
                  nodeSelector: {pool: agents}
                ---
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: AgentRuntimeConfiguration
                metadata: {name: team, namespace: team-a}
                spec:
                  serviceAccountName: team-a-agents
                  tolerations: [{key: team, operator: Equal, value: a, effect: NoSchedule}]
                ---
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: identity, namespace: team-a}
                spec:
                %s
                ---
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: plain, namespace: team-a}
                spec: {}
                ---
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: other-team, namespace: team-b}
                spec: {}
                ---
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: ToolServer
                metadata: {name: tools, namespace: team-a}
                spec:
                  image: ghcr.io/example/mcp:1
                %s
                """.formatted(platform, ALL_FIELDS, ALL_FIELDS));
        try (PackagedOperator operator = cluster.installed().start("pod-settings", Map.of()).awaitReady()) {
            cluster.apiServer().kubectl("apply", "--server-side", "-f", manifest.toString());
            List.of("identity", "plain").forEach(name -> awaitReady(client, Agent.class, "team-a", name));
            awaitReady(client, Agent.class, "team-b", "other-team");
            awaitReady(client, ToolServer.class, "team-a", "tools");
            cluster.installed().awaitQuiet();

            PodSpec identity = pod(client, "team-a", "identity");
            assertThat(identity.getServiceAccountName()).isEqualTo("bedrock-caller");
            assertThat(identity.getAutomountServiceAccountToken()).isTrue();
            assertThat(identity.getImagePullSecrets()).extracting(s -> s.getName()).containsExactly("private-registry");
            assertThat(identity.getNodeSelector()).as("the Agent's key wins, merged over the platform's")
                    .containsExactlyInAnyOrderEntriesOf(Map.of("pool", "gpu"));
            assertThat(identity.getTolerations()).extracting(Toleration::getKey).as("platform, team, then the Agent's")
                    .containsExactly("dedicated", "team", "nvidia.com/gpu");
            assertThat(identity.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
                    .getNodeSelectorTerms()).hasSize(1);
            assertThat(identity.getTopologySpreadConstraints()).hasSize(1);
            assertThat(identity.getPriorityClassName()).isEqualTo("agents-high");

            PodSpec plain = pod(client, "team-a", "plain");
            assertThat(plain.getServiceAccountName()).isEqualTo("team-a-agents");
            assertThat(plain.getNodeSelector()).containsExactlyInAnyOrderEntriesOf(Map.of("pool", "agents"));
            assertThat(plain.getTolerations()).extracting(Toleration::getKey).containsExactly("dedicated", "team");
            assertThat(plain.getAffinity()).isNull();
            PodSpec otherTeam = pod(client, "team-b", "other-team");
            assertThat(otherTeam.getServiceAccountName()).as("the namespace's default ServiceAccount").isIn(null, "default");
            assertThat(otherTeam.getTolerations()).extracting(Toleration::getKey).containsExactly("dedicated");

            PodSpec tools = pod(client, "team-a", "tools");
            assertThat(tools.getServiceAccountName()).isEqualTo("bedrock-caller");
            assertThat(tools.getTolerations()).as("configurations set Agents' defaults only").extracting(Toleration::getKey)
                    .containsExactly("nvidia.com/gpu");

            // a policy engine sets a PriorityClass the Agent does not set; the next reconcile keeps it
            client.apps().deployments().inNamespace("team-a").withName("plain").edit(d -> {
                d.getSpec().getTemplate().getSpec().setPriorityClassName("policy-default");
                return d;
            });
            Cluster.edit(client, Agent.class, "team-a", "plain", a -> a.getSpec().setDescription("edited"));
            awaitUntil(client, Agent.class, "team-a", "plain", a -> a.getStatus() != null
                    && a.getMetadata().getGeneration().equals(a.getStatus().getObservedGeneration()));
            cluster.installed().awaitQuiet();
            assertThat(pod(client, "team-a", "plain").getPriorityClassName()).isEqualTo("policy-default");
            assertThat(pod(client, "team-a", "plain").getContainers().get(0).getEnv())
                    .anySatisfy(env -> assertThat(env.getValue()).isEqualTo("edited"));

            // the team's configuration changes its tolerations: its two Agents' Deployments are written once each
            int change = cluster.apiServer().auditMark();
            Cluster.edit(client, AgentRuntimeConfiguration.class, "team-a", "team",
                    arc -> arc.getSpec().getTolerations().get(0).setValue("a2"));
            awaitUntil(client, Agent.class, "team-a", "plain", a -> "a2".equals(pod(client, "team-a", "plain").getTolerations()
                    .get(1).getValue()));
            Thread.sleep(2000);
            cluster.installed().awaitQuiet();
            assertThat(writes(change, e -> e.resource().equals("deployments")))
                    .containsExactlyInAnyOrder("team-a/identity", "team-a/plain");
        }

        int restart = cluster.apiServer().auditMark();
        try (PackagedOperator operator = cluster.installed().start("pod-settings-restart", Map.of()).awaitReady()) {
            cluster.installed().awaitLeaseHolder(client, "pod-settings-restart");
            cluster.installed().awaitQuiet();
            assertThat(writes(restart, e -> !e.resource().equals("leases")
                    && !(e.apiGroup().equals("authorization.k8s.io") && e.resource().startsWith("selfsubject"))))
                    .as("writes after a restart over objects that set every field").isEmpty();
        }
    }

    /**
     * A selector the Pod API refuses (operator In without values) passes the CRD's schema, which cannot say it; the
     * API server refuses the Deployment, and the Agent reports it.
     */
    @Test
    void aSelectorThatCannotMatchIsReportedOnTheAgentAndTheOperatorCarriesOn() {
        KubernetesClient client = cluster.client();
        Cluster.namespace(client, "team-c");
        try (PackagedOperator operator = cluster.installed().start("pod-settings-bad-selector", Map.of()).awaitReady()) {
            Cluster.createAgent(client, "team-c", "unmatchable", """
                    {affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [
                      {topologyKey: kubernetes.io/hostname, labelSelector: {matchExpressions: [{key: app, operator: In, values: []}]}}]}}}
                    """);
            Agent refused = awaitUntil(client, Agent.class, "team-c", "unmatchable",
                    a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.FALSE, "ReconciliationFailed"));
            assertThat(Cluster.condition(refused.getStatus(), "Ready").orElseThrow().getMessage())
                    .contains("labelSelector.matchExpressions[0].values").contains("must be specified when `operator` is 'In' or 'NotIn'");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> client.resources(Event.class).inNamespace("team-c").list()
                    .getItems().stream().anyMatch(e -> "Warning".equals(e.getType()) && e.getRegarding().getName().equals("unmatchable")));

            Cluster.createAgent(client, "team-c", "fine", "{}");
            awaitReady(client, Agent.class, "team-c", "fine");
            // its retries would count as writes in the other test's restart
            client.resources(Agent.class).inNamespace("team-c").withName("unmatchable").delete();
        }
    }

    private static <T extends HasMetadata> void awaitReady(KubernetesClient client, Class<T> type, String namespace, String name) {
        awaitUntil(client, type, namespace, name, o -> hasCondition(o instanceof Agent agent ? agent.getStatus()
                : ((ToolServer) o).getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
    }

    private static PodSpec pod(KubernetesClient client, String namespace, String name) {
        return client.apps().deployments().inNamespace(namespace).withName(name).get().getSpec().getTemplate().getSpec();
    }

    private static List<String> writes(int mark, Predicate<AuditEvent> filter) {
        return cluster.apiServer().auditEvents(cluster.installed().user(), mark, e -> e.isWrite() && e.code() < 400 && filter.test(e))
                .stream().map(e -> e.namespace() + "/" + e.name()).toList();
    }
}
