package ai.agenticlayer.runtime.toolserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServerSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/** The desired Deployment, Service and URL of a ToolServer (reference §4.3), without a cluster. */
class ToolServerChildrenTest {

    static ToolServer toolServer(String yaml) {
        return Serialization.unmarshal("apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: ToolServer\n" + yaml, ToolServer.class);
    }

    /** No Secret or ConfigMap exists. */
    private static Deployment deployment(ToolServer toolServer) {
        return ToolServerChildren.deployment(toolServer, (kind, namespace, name) -> Optional.empty());
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** The dependents find the children by the ToolServer's own name and namespace, without building them first. */
    @Test
    void childrenAreNamedAsTheirToolServerInItsNamespace() {
        ToolServer server = toolServer("metadata: {name: search, namespace: tools}\nspec: {image: mcp/search:1}");

        assertThat(ResourceID.fromResource(deployment(server))).isEqualTo(ResourceID.fromResource(server));
        assertThat(ResourceID.fromResource(ToolServerChildren.service(server))).isEqualTo(ResourceID.fromResource(server));
    }

    @Test
    void httpServerGetsPort8080AndPathMcp() {
        ToolServer server = toolServer("metadata: {name: test-http-toolserver, namespace: default}\nspec: {image: mcp/context7:latest}");

        assertThat(ToolServerChildren.url(server)).isEqualTo("http://test-http-toolserver.default.svc.cluster.local:8080/mcp");
        Deployment deployment = deployment(server);
        Container container = container(deployment);
        assertThat(container.getName()).isEqualTo("toolserver");
        assertThat(container.getImage()).isEqualTo("mcp/context7:latest");
        assertThat(container.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("toolserver");
            assertThat(port.getContainerPort()).isEqualTo(8080);
            assertThat(port.getProtocol()).isEqualTo("TCP");
        });
        assertThat(container.getReadinessProbe().getTcpSocket().getPort()).isEqualTo(new IntOrString(8080));
        assertThat(container.getReadinessProbe().getHttpGet()).isNull();
        assertThat(container.getReadinessProbe()).extracting("initialDelaySeconds", "periodSeconds", "timeoutSeconds",
                "successThreshold", "failureThreshold").containsExactly(10, 10, 3, 1, 10);
        assertThat(container.getResources().getRequests()).containsEntry("memory", new Quantity("300Mi"))
                .containsEntry("cpu", new Quantity("100m"));
        assertThat(container.getResources().getLimits()).containsEntry("memory", new Quantity("500Mi"))
                .containsEntry("cpu", new Quantity("500m"));
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getEnv()).extracting(EnvVar::getName, EnvVar::getValue).containsExactly(
                org.assertj.core.groups.Tuple.tuple("OTEL_SEMCONV_STABILITY_OPT_IN", "gen_ai_latest_experimental"),
                org.assertj.core.groups.Tuple.tuple("OTEL_SERVICE_NAME", "test-http-toolserver"));
    }

    @Test
    void sseServerGetsPathSseAndACustomPortAndPathWin() {
        assertThat(ToolServerChildren.url(toolServer(
                "metadata: {name: events, namespace: tools}\nspec: {image: x, transportType: sse}")))
                .isEqualTo("http://events.tools.svc.cluster.local:8080/sse");
        ToolServer custom = toolServer(
                "metadata: {name: test-sse-toolserver, namespace: default}\nspec: {image: x, transportType: sse, port: 9090, path: /stream}");
        assertThat(ToolServerChildren.url(custom)).isEqualTo("http://test-sse-toolserver.default.svc.cluster.local:9090/stream");
        assertThat(container(deployment(custom)).getPorts().get(0).getContainerPort()).isEqualTo(9090);
        assertThat(ToolServerChildren.service(custom).getSpec().getPorts()).singleElement()
                .extracting(ServicePort::getName, ServicePort::getPort, ServicePort::getTargetPort)
                .containsExactly("toolserver", 9090, new IntOrString(9090));
    }

    @Test
    void userEnvReplacesADefaultAndEverythingIsSortedByName() {
        ToolServer server = toolServer("""
                metadata: {name: search, namespace: tools}
                spec:
                  image: x
                  env: [{name: ZED, value: last}, {name: OTEL_SERVICE_NAME, value: web-search}, {name: API_KEY, valueFrom: {secretKeyRef: {name: s, key: k}}}]
                  envFrom: [{configMapRef: {name: search-config}}]
                """);
        Container container = container(deployment(server));
        assertThat(container.getEnv()).extracting(EnvVar::getName)
                .containsExactly("API_KEY", "OTEL_SEMCONV_STABILITY_OPT_IN", "OTEL_SERVICE_NAME", "ZED");
        assertThat(container.getEnv()).filteredOn(e -> e.getName().equals("OTEL_SERVICE_NAME")).singleElement()
                .extracting(EnvVar::getValue).isEqualTo("web-search");
        assertThat(container.getEnv().get(0).getValueFrom().getSecretKeyRef().getName()).isEqualTo("s");
        assertThat(container.getEnvFrom()).singleElement().satisfies(e -> assertThat(e.getConfigMapRef().getName()).isEqualTo("search-config"));
    }

    @Test
    void pullSecretsCommandAndArgsAreTakenVerbatim() {
        Deployment deployment = deployment(toolServer("""
                metadata: {name: private, namespace: tools}
                spec:
                  image: registry.example.com/private-mcp:1.2.3
                  imagePullSecrets: [{name: registry-credentials}]
                  command: [node, server.js]
                  args: [--port, "8080", --verbose]
                """));
        assertThat(deployment.getSpec().getTemplate().getSpec().getImagePullSecrets()).extracting(LocalObjectReference::getName)
                .containsExactly("registry-credentials");
        assertThat(container(deployment).getCommand()).containsExactly("node", "server.js");
        assertThat(container(deployment).getArgs()).containsExactly("--port", "8080", "--verbose");
    }

    /** A ToolServer takes its pod identity and placement from its own spec; AgentRuntimeConfigurations are for Agents. */
    @Test
    void podIdentityAndPlacementAreTakenVerbatim() {
        var pod = deployment(toolServer("""
                metadata: {name: github, namespace: tools}
                spec:
                  image: ghcr.io/example/github-mcp:1
                  serviceAccountName: github-mcp
                  automountServiceAccountToken: false
                  nodeSelector: {pool: tools}
                  tolerations: [{key: dedicated, operator: Equal, value: tools, effect: NoSchedule}]
                  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: In, values: [a]}]}]}}}
                  topologySpreadConstraints: [{maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway}]
                  priorityClassName: tools
                """)).getSpec().getTemplate().getSpec();
        assertThat(pod.getServiceAccountName()).isEqualTo("github-mcp");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getNodeSelector()).containsExactly(Map.entry("pool", "tools"));
        assertThat(pod.getTolerations()).extracting(t -> t.getKey() + "=" + t.getValue() + ":" + t.getEffect())
                .containsExactly("dedicated=tools:NoSchedule");
        assertThat(pod.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms())
                .hasSize(1);
        assertThat(pod.getTopologySpreadConstraints()).extracting(c -> c.getTopologyKey()).containsExactly("kubernetes.io/hostname");
        assertThat(pod.getPriorityClassName()).isEqualTo("tools");
    }

    @Test
    void labelsSelectorAndMetadataFollowTheOriginal() {
        ToolServer server = toolServer("""
                metadata: {name: docs, namespace: tools}
                spec:
                  image: x
                  commonMetadata: {labels: {team: search}, annotations: {owner: search-team}}
                  podMetadata: {labels: {sidecar: none}, annotations: {prometheus.io/scrape: "true"}}
                """);
        Deployment deployment = deployment(server);
        assertThat(deployment.getMetadata().getLabels()).containsEntry("app", "docs").containsEntry("protocol", "mcp")
                .containsEntry("transport", "http").containsEntry("team", "search")
                .containsEntry("app.kubernetes.io/managed-by", "agent-runtime-operator")
                .containsEntry("app.kubernetes.io/component", "toolserver");
        assertThat(deployment.getMetadata().getAnnotations()).containsEntry("owner", "search-team");
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of("app", "docs"));
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .isEqualTo(Map.of("app", "docs", "team", "search", "sidecar", "none"));
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .isEqualTo(Map.of("owner", "search-team", "prometheus.io/scrape", "true"));

        Service service = ToolServerChildren.service(server);
        assertThat(service.getMetadata().getLabels()).containsEntry("app", "docs").containsEntry("protocol", "mcp")
                .containsEntry("transport", "http").containsEntry("team", "search");
        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getSelector()).isEqualTo(Map.of("app", "docs"));
    }

    @Test
    void replicasResourcesAndSecurityContextAreOwnedOnlyWhenSet() {
        assertThat(deployment(toolServer("metadata: {name: a, namespace: t}\nspec: {image: x}")).getSpec()
                .getReplicas()).isNull();
        Deployment deployment = deployment(toolServer("""
                metadata: {name: a, namespace: t}
                spec:
                  image: x
                  replicas: 3
                  resources: {requests: {cpu: 50m}}
                  securityContext: {runAsUser: 1000}
                """));
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        assertThat(container(deployment).getResources().getRequests()).isEqualTo(Map.of("cpu", new Quantity("50m")));
        assertThat(container(deployment).getResources().getLimits()).isNullOrEmpty();
        assertThat(container(deployment).getSecurityContext().getRunAsUser()).isEqualTo(1000L);
        assertThat(container(deployment).getSecurityContext().getCapabilities()).isNull();
    }

    @Test
    void onlyAnSseToolServerWithoutAPathGetsOneWrittenForGateways() {
        assertThat(ToolServerChildren.pathForGateways(spec("{transportType: sse}"))).contains("/sse");
        assertThat(ToolServerChildren.pathForGateways(spec("{transportType: sse, path: ''}"))).contains("/sse");
        assertThat(ToolServerChildren.pathForGateways(spec("{transportType: sse, path: /events}"))).isEmpty();
        assertThat(ToolServerChildren.pathForGateways(spec("{transportType: http}"))).isEmpty();
        assertThat(ToolServerChildren.pathForGateways(spec("{}"))).isEmpty();
    }

    private static ToolServerSpec spec(String yaml) {
        return Serialization.unmarshal("apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: ToolServer\n"
                + "metadata: {name: s, namespace: n}\nspec: " + yaml, ToolServer.class).getSpec();
    }
}
