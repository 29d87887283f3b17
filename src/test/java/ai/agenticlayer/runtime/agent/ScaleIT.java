package ai.agenticlayer.runtime.agent;

import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.InstalledCluster;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RealApiServer;
import ai.agenticlayer.runtime.testing.RunsPackagedOperator;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * The {@code scale} subresource of Agent and ToolServer on a real API server, with kube-controller-manager (the
 * Deployment and HorizontalPodAutoscaler controllers) and the shipped install: {@code kubectl scale} reaches the
 * Deployment, the status reports its replicas, and an HPA resolves the Agent as its scale target.
 */
@RunsPackagedOperator
class ScaleIT {

    @RegisterExtension
    static final InstalledCluster cluster = InstalledCluster.named("scale");

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void controllers() {
        cluster.apiServer().withControllerManager();
    }

    @Test
    void kubectlScaleAndAnHpaAimAtTheAgentItselfAndTheStatusReportsTheDeploymentsReplicas() throws Exception {
        KubernetesClient client = cluster.client();
        RealApiServer apiServer = cluster.apiServer();
        Cluster.namespace(client, "scaled");
        try (PackagedOperator operator = cluster.installed().start("scale", Map.of()).awaitReady()) {
            Cluster.createAgent(client, "scaled", "web", "{}");
            Cluster.create(client, """
                    apiVersion: runtime.agentic-layer.ai/v1alpha1
                    kind: ToolServer
                    metadata: {name: tools, namespace: scaled}
                    spec: {image: ghcr.io/example/mcp:1}
                    """);
            Agent web = awaitUntil(client, Agent.class, "scaled", "web", a -> a.getStatus() != null
                    && "0/1".equals(a.getStatus().getPods()) && a.getStatus().getReplicas() != null && a.getStatus().getReplicas() == 1);
            assertThat(web.getStatus().getSelector()).isEqualTo("app=web");
            assertThat(web.getStatus().getReadyReplicas()).as("no kubelet here: pods stay Pending").isZero();
            assertThat(apiServer.kubectl("get", "agent", "web", "-n", "scaled")).contains("PODS").contains("0/1");

            // replicas unset: the Deployment's count is left to others, and the Agent's scale cannot be read until
            // kubectl scale (which patches it) or the user sets one (docs/api.md, "Scaling")
            KubernetesClientException unreadable = assertThrows(KubernetesClientException.class,
                    () -> client.raw(apiServer.url() + "/apis/runtime.agentic-layer.ai/v1alpha1/namespaces/scaled/agents/web/scale"));
            assertThat(unreadable.getMessage()).contains("the spec replicas field \".spec.replicas\" does not exist");

            assertThat(apiServer.kubectl("scale", "agent/web", "-n", "scaled", "--replicas=3")).contains("scaled");
            assertThat(awaitUntil(client, Agent.class, "scaled", "web", a -> a.getStatus().getReplicas() == 3).getStatus().getPods())
                    .isEqualTo("0/3");
            assertThat(client.apps().deployments().inNamespace("scaled").withName("web").get().getSpec().getReplicas()).isEqualTo(3);
            JsonNode scale = JSON.readTree(client.raw(apiServer.url()
                    + "/apis/runtime.agentic-layer.ai/v1alpha1/namespaces/scaled/agents/web/scale"));
            assertThat(scale.at("/spec/replicas").asInt()).isEqualTo(3);
            assertThat(scale.at("/status/replicas").asInt()).isEqualTo(3);
            assertThat(scale.at("/status/selector").asText()).isEqualTo("app=web");

            assertThat(apiServer.kubectl("scale", "toolserver/tools", "-n", "scaled", "--replicas=2")).contains("scaled");
            awaitUntil(client, ToolServer.class, "scaled", "tools", t -> t.getStatus() != null && "0/2".equals(t.getStatus().getPods()));

            // a negative count: kubectl refuses it, and so does the API server when it is sent anyway
            RealApiServer.ShellResult negative = apiServer.shell("kubectl scale agent/web -n scaled --replicas=-1");
            assertThat(negative.exitCode()).isNotZero();
            assertThat(negative.output()).contains("--replicas");
            KubernetesClientException refused = assertThrows(KubernetesClientException.class,
                    () -> client.resources(Agent.class).inNamespace("scaled").withName("web").scale(-1));
            assertThat(refused.getCode()).isEqualTo(422);
            assertThat(refused.getMessage()).contains("spec.replicas in body should be greater than or equal to 0");

            // an HPA aimed at the Agent: accepted, and its controller reads the Agent's scale subresource
            Cluster.create(client, """
                    apiVersion: autoscaling/v2
                    kind: HorizontalPodAutoscaler
                    metadata: {name: web, namespace: scaled}
                    spec:
                      scaleTargetRef: {apiVersion: runtime.agentic-layer.ai/v1alpha1, kind: Agent, name: web}
                      minReplicas: 2
                      maxReplicas: 5
                      metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}}]
                    """);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                JsonNode hpa = JSON.readTree(client.raw(apiServer.url()
                        + "/apis/autoscaling/v2/namespaces/scaled/horizontalpodautoscalers/web"));
                assertThat(hpa.at("/status/conditions").toString()).contains("\"type\":\"AbleToScale\"")
                        .contains("SucceededGetScale");
            });
            assertThat(hasCondition(client.resources(Agent.class).inNamespace("scaled").withName("web").get().getStatus(), "Ready",
                    ConditionStatus.TRUE, "Reconciled")).isTrue();
        }
    }
}
