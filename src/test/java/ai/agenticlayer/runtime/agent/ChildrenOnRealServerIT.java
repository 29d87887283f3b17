package ai.agenticlayer.runtime.agent;

import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.configsource.ConfigSources;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.InstalledOperator;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RealApiServer;
import ai.agenticlayer.runtime.testing.RunsPackagedOperator;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The children of Agents and ToolServers on a real kube-apiserver with kube-controller-manager: what server-side apply
 * keeps for other writers and removes for the operator, what it never touches, garbage collection, the Deployment
 * status the Available condition mirrors, and the rollout on a Secret change. The operator runs as install.yaml
 * installs it.
 */
@RunsPackagedOperator
class ChildrenOnRealServerIT {

    private static final String NS = "children";

    private static RealApiServer apiServer;
    private static KubernetesClient client;
    private static InstalledOperator installed;
    private static PackagedOperator operator;

    @BeforeAll
    static void start() throws IOException {
        apiServer = RealApiServer.withCrds("children").withControllerManager();
        client = apiServer.adminClient();
        installed = InstalledOperator.install(apiServer, Files.readString(Path.of("kubernetes", "install.yaml")));
        operator = installed.start("operator-children", Map.of()).awaitReady();
        Cluster.namespace(client, NS);
    }

    @AfterAll
    static void stop() {
        // null when start() failed half-way: kube-controller-manager and the API server must stop all the same
        if (operator != null) {
            operator.close();
        }
        if (client != null) {
            client.close();
        }
        if (apiServer != null) {
            apiServer.close();
        }
    }

    @Test
    void fieldsOtherWritersOwnSurviveAReapplyLabelsTheOperatorNoLongerSetsGo() {
        Cluster.createAgent(client, NS, "merged", "{commonMetadata: {labels: {team: news}}}");
        awaitUntil(client, Deployment.class, NS, "merged", d -> true);

        // a mesh injects a sidecar and an env entry, kubectl rollout restart annotates the pod template, an HPA scales
        Deployment others = (Deployment) Cluster.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: merged, namespace: children}
                spec:
                  template:
                    metadata: {annotations: {kubectl.kubernetes.io/restartedAt: '2026-11-29T10:00:00Z'}}
                    spec:
                      containers:
                        - {name: agent, env: [{name: MESH_ID, value: mesh-1}]}
                        - {name: proxy, image: 'mesh/proxy:1.0'}
                """);
        client.resource(others).fieldManager("mesh").forceConflicts().serverSideApply();
        client.apps().deployments().inNamespace(NS).withName("merged").scale(3);

        Cluster.edit(client, Agent.class, NS, "merged", agent -> {
            agent.getSpec().setDescription("now with a description");
            agent.getSpec().setCommonMetadata(null);
        });
        Deployment deployment = awaitUntil(client, Deployment.class, NS, "merged", d -> env(d, "AGENT_DESCRIPTION") != null
                && "now with a description".equals(env(d, "AGENT_DESCRIPTION").getValue()));

        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers()).extracting(Container::getName)
                .containsExactlyInAnyOrder("agent", "proxy");
        assertThat(env(deployment, "MESH_ID").getValue()).isEqualTo("mesh-1");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations()).containsKey("kubectl.kubernetes.io/restartedAt");
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        assertThat(deployment.getMetadata().getLabels()).doesNotContainKey("team");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).doesNotContainKey("team");
    }

    @Test
    void aSameNamedObjectWithoutItsControllerReferenceIsNeverTouched() {
        Service foreign = (Service) Cluster.create(client, """
                apiVersion: v1
                kind: Service
                metadata: {name: foreign, namespace: children, labels: {owner: someone-else}}
                spec: {ports: [{port: 80}]}
                """);
        Cluster.createAgent(client, NS, "foreign", "{}");
        awaitUntil(client, Agent.class, NS, "foreign", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.FALSE, "ResourceConflict"));

        Service after = client.services().inNamespace(NS).withName("foreign").get();
        assertThat(after.getMetadata().getResourceVersion()).isEqualTo(foreign.getMetadata().getResourceVersion());
        assertThat(after.getMetadata().getOwnerReferences()).isEmpty();
    }

    @Test
    void childrenAreGarbageCollectedWithTheirOwner() {
        Cluster.createAgent(client, NS, "short-lived", "{}");
        Cluster.create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: ToolServer
                metadata: {name: short-lived-tools, namespace: children}
                spec: {image: 'mcp/filesystem:1.0'}
                """);
        awaitUntil(client, Service.class, NS, "short-lived", s -> true);
        awaitUntil(client, Service.class, NS, "short-lived-tools", s -> true);

        client.resources(Agent.class).inNamespace(NS).withName("short-lived").delete();
        client.resources(ToolServer.class).inNamespace(NS).withName("short-lived-tools").delete();

        await().atMost(Duration.ofSeconds(60)).until(() -> List.of("short-lived", "short-lived-tools").stream().allMatch(name ->
                client.apps().deployments().inNamespace(NS).withName(name).get() == null
                        && client.services().inNamespace(NS).withName(name).get() == null));
    }

    @Test
    void availableMirrorsTheDeploymentTheControllerManagerReportsOn() {
        Cluster.createAgent(client, NS, "unscheduled", "{}");
        // no scheduler and no kubelet here: the pod never runs, and the Deployment controller says so
        awaitUntil(client, Agent.class, NS, "unscheduled", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled")
                && hasCondition(a.getStatus(), "Available", ConditionStatus.FALSE, "MinimumReplicasUnavailable"));
    }

    @Test
    void aChangedSecretRollsThePodsOfTheAgentThatReadsIt() {
        Cluster.create(client, """
                apiVersion: v1
                kind: Secret
                metadata: {name: api-keys, namespace: children}
                stringData: {OPENAI_API_KEY: first}
                """);
        Cluster.createAgent(client, NS, "keyed", "{envFrom: [{secretRef: {name: api-keys}}]}");
        String first = awaitUntil(client, Deployment.class, NS, "keyed", d -> configHash(d) != null).getSpec().getTemplate()
                .getMetadata().getAnnotations().get(ConfigSources.HASH_ANNOTATION);

        client.secrets().inNamespace(NS).withName("api-keys").edit(secret -> {
            secret.setData(Map.of("OPENAI_API_KEY", "c2Vjb25k"));
            return secret;
        });
        awaitUntil(client, Deployment.class, NS, "keyed", d -> configHash(d) != null && !configHash(d).equals(first));
    }

    private static String configHash(Deployment deployment) {
        Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(ConfigSources.HASH_ANNOTATION);
    }

    private static EnvVar env(Deployment deployment, String name) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream().filter(c -> c.getName().equals("agent"))
                .flatMap(c -> c.getEnv().stream()).filter(e -> e.getName().equals(name)).findFirst().orElse(null);
    }
}
