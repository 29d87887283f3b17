package ai.agenticlayer.runtime.configsource;

import static ai.agenticlayer.runtime.testing.Cluster.awaitExists;
import static ai.agenticlayer.runtime.testing.Cluster.create;
import static ai.agenticlayer.runtime.testing.Cluster.createAgent;
import static ai.agenticlayer.runtime.testing.Cluster.settle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.testing.ApplyingCrudDispatcher;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * SPEC §2.8: when a Secret or ConfigMap that an Agent or ToolServer reads through env/envFrom changes, the pod
 * template's config hash changes and the pods roll; a change nobody reads writes nothing.
 */
@QuarkusTest
@QuarkusTestResource(MockApiServer.class)
class ConfigRolloutReconcileTest {

    @Inject
    KubernetesClient client;

    private String configHash(String namespace, String name) {
        Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
        Map<String, String> annotations = deployment == null ? null : deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(ConfigSources.HASH_ANNOTATION);
    }

    private String awaitNewHash(String namespace, String name, String previous) {
        await().atMost(Cluster.TIMEOUT).until(() -> {
            String now = configHash(namespace, name);
            return now != null && !now.equals(previous);
        });
        return configHash(namespace, name);
    }

    private void patch(Class<? extends HasMetadata> type, String namespace, String name, String mergePatch) {
        client.resources(type).inNamespace(namespace).withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
    }

    @Test
    void anAgentRollsWhenWhatItsEnvironmentReadsChangesAndOnlyThen() {
        create(client, """
                apiVersion: v1
                kind: Secret
                metadata: {name: api-keys, namespace: rollout}
                stringData: {OPENAI_API_KEY: sk-one}
                """);
        create(client, """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: rollout}
                data: {log: info, unused: a}
                """);
        createAgent(client, "rollout", "news", """
                {env: [{name: LOG_LEVEL, valueFrom: {configMapKeyRef: {name: settings, key: log}}}],
                 envFrom: [{secretRef: {name: api-keys}}]}""");
        createAgent(client, "rollout", "plain", "{}");
        String first = awaitNewHash("rollout", "news", null);
        awaitExists(client, Deployment.class, "rollout", "plain");
        assertThat(configHash("rollout", "plain")).as("an Agent that reads no Secret or ConfigMap has no config hash").isNull();
        settle();

        int quiet = Cluster.mark();
        patch(ConfigMap.class, "rollout", "settings", "{\"data\":{\"unused\":\"b\"}}");
        patch(Secret.class, "rollout", "api-keys", "{\"metadata\":{\"labels\":{\"team\":\"news\"}}}");
        settle();
        assertThat(Cluster.writesSince(quiet, "/deployments/")).as("a key nobody reads, a label: no rollout").isEmpty();
        assertThat(configHash("rollout", "news")).isEqualTo(first);

        patch(ConfigMap.class, "rollout", "settings", "{\"data\":{\"log\":\"debug\"}}");
        String afterLogLevel = awaitNewHash("rollout", "news", first);
        patch(Secret.class, "rollout", "api-keys", "{\"stringData\":{\"OPENAI_API_KEY\":\"sk-two\"}}");
        awaitNewHash("rollout", "news", afterLogLevel);
    }

    @Test
    void secretsAndConfigMapsAreListedPageByPage() {
        List<String> lists = MockApiServer.dispatcher().requests().stream().map(ApplyingCrudDispatcher.Request::path)
                .filter(path -> path.startsWith("/api/v1/secrets?") || path.startsWith("/api/v1/configmaps?"))
                .filter(path -> !path.contains("watch=true")).toList();
        assertThat(lists).anyMatch(path -> path.startsWith("/api/v1/secrets?")).anyMatch(path -> path.startsWith("/api/v1/configmaps?"))
                .allSatisfy(path -> assertThat(path).contains("limit=100"));
    }

    @Test
    void aToolServerWaitingForItsSecretRollsWhenTheSecretAppears() {
        create(client, """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: ToolServer
                metadata: {name: search, namespace: rollout-tools}
                spec:
                  image: 'mcp/search:1'
                  env: [{name: SEARCH_TOKEN, valueFrom: {secretKeyRef: {name: search-token, key: token}}}]
                """);
        String missing = awaitNewHash("rollout-tools", "search", null);

        create(client, """
                apiVersion: v1
                kind: Secret
                metadata: {name: search-token, namespace: rollout-tools}
                stringData: {token: t-1}
                """);
        awaitNewHash("rollout-tools", "search", missing);
    }
}
