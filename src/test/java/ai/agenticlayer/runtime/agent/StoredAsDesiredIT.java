package ai.agenticlayer.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.children.StoredState;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.RealApiServer;
import ai.agenticlayer.runtime.toolserver.ToolServerChildren;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * What the API server stores is what the operator asked for: the desired Deployments and Services, applied to a real
 * kube-apiserver and read back, hold no difference by the operator's own reading ({@link StoredState}). A field the
 * server drops or rewrites (an empty env value, a defaulted field the diff reports as a copy) would make the operator
 * apply the object again on every reconcile.
 */
class StoredAsDesiredIT {

    private static RealApiServer apiServer;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        apiServer = RealApiServer.withCrds("stored-as-desired");
        client = apiServer.adminClient();
        Cluster.namespace(client, "stored");
    }

    @AfterAll
    static void stop() {
        client.close();
        apiServer.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{framework: msaf, instruction: '', model: '', description: '', env: [{name: EMPTY, value: ''}, {name: SET, value: x}]}",
            """
            {image: 'example.com/agent:1', replicas: 2, protocols: [{type: A2A, port: 9000, path: /a2a}],
             env: [{name: KEY, valueFrom: {secretKeyRef: {name: keys, key: k}}}], envFrom: [{configMapRef: {name: settings}}],
             resources: {requests: {cpu: '0.5', memory: 1Gi}, limits: {cpu: '1', memory: 2Gi}},
             volumes: [{name: data, emptyDir: {}}], volumeMounts: [{name: data, mountPath: /data}],
             commonMetadata: {labels: {team: news}, annotations: {owner: news}}, podMetadata: {annotations: {scrape: 'true'}}}
            """,
            """
            {serviceAccountName: bedrock-caller, automountServiceAccountToken: false, imagePullSecrets: [{name: registry}],
             nodeSelector: {pool: gpu}, tolerations: [{key: gpu, operator: Exists}, {key: d, value: v, effect: NoExecute, tolerationSeconds: 30}],
             affinity: {nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 1, preference: {matchFields: [{key: metadata.name, operator: NotIn, values: [n1]}]}}]},
                        podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: zone, labelSelector: {matchExpressions: [{key: app, operator: Exists}]}}]}},
             topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, minDomains: 2, matchLabelKeys: [pod-template-hash], labelSelector: {matchLabels: {app: a}}}],
             priorityClassName: high, securityContext: {runAsNonRoot: true, runAsUser: 1000, readOnlyRootFilesystem: true}}
            """ })
    void agentChildren(String spec) {
        Agent agent = AgentFixtures.agent("metadata: {name: stored-agent, namespace: stored, uid: 0e2c5b2e-0000-4000-8000-000000000001}\n"
                + "spec: " + spec);
        ResolvedReferences references = new ResolvedReferences(Map.of(), Map.of(), Optional.empty(), Optional.empty());
        assertStoredAsDesired(AgentChildren.deployment(agent, AgentFixtures.BUILT_IN, references));
        assertStoredAsDesired(AgentChildren.service(agent));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{image: 'mcp/filesystem:1.0'}",
            "{image: 'mcp/fs:1', port: 9090, path: /mcp, replicas: 3, env: [{name: EMPTY, value: ''}], resources: {limits: {cpu: 500m}}}",
            "{image: 'mcp/fs:1', serviceAccountName: fs, nodeSelector: {pool: tools}, tolerations: [{operator: Exists}], priorityClassName: low}" })
    void toolServerChildren(String spec) {
        ToolServer toolServer = AgentFixtures.object("""
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: ToolServer
                metadata: {name: stored-tools, namespace: stored, uid: 0e2c5b2e-0000-4000-8000-000000000002}
                spec: %s
                """.formatted(spec), ToolServer.class);
        assertStoredAsDesired(ToolServerChildren.deployment(toolServer, (kind, namespace, name) -> Optional.empty()));
        assertStoredAsDesired(ToolServerChildren.service(toolServer));
    }

    private static void assertStoredAsDesired(HasMetadata desired) {
        HasMetadata stored = client.resource(desired).fieldManager("agent").forceConflicts().serverSideApply();
        List<JsonNode> changed = StoredState.differences(client.getKubernetesSerialization().convertValue(desired, JsonNode.class),
                client.getKubernetesSerialization().convertValue(stored, JsonNode.class));
        assertThat(changed).as(desired.getKind() + " fields the API server stores otherwise than desired").isEmpty();
        client.resource(stored).delete();
    }
}
