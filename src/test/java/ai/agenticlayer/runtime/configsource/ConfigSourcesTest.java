package ai.agenticlayer.runtime.configsource;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import ai.agenticlayer.runtime.cache.ReducingItemStore;
import ai.agenticlayer.runtime.configsource.ConfigSources.Kind;
import ai.agenticlayer.runtime.configsource.ConfigSources.Reference;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Which Secrets and ConfigMaps a container reads, and when their content changes the pod template's hash. */
class ConfigSourcesTest {

    private static final List<EnvVar> ENV = List.of(
            yaml("{name: PLAIN, value: x}", EnvVar.class),
            yaml("{name: LOG, valueFrom: {configMapKeyRef: {name: settings, key: log}}}", EnvVar.class),
            yaml("{name: TOKEN, valueFrom: {secretKeyRef: {name: tokens, key: search}}}", EnvVar.class),
            yaml("{name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}", EnvVar.class));
    private static final List<EnvFromSource> ENV_FROM = List.of(
            yaml("{secretRef: {name: api-keys}}", EnvFromSource.class),
            yaml("{configMapRef: {name: settings}, prefix: S_}", EnvFromSource.class));

    private static <T> T yaml(String flow, Class<T> type) {
        try {
            return new YAMLMapper().readValue(flow, type);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Secret secret(String name, Map<String, String> values) {
        Map<String, String> data = new java.util.TreeMap<>();
        values.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        return new SecretBuilder().withNewMetadata().withName(name).withNamespace("team").withResourceVersion("7").endMetadata()
                .withData(data).build();
    }

    private static ConfigMap configMap(String name, Map<String, String> data) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("team").endMetadata().withData(data).build();
    }

    /** A cluster holding these objects, seen as the operator's caches see them. */
    private static ConfigSources.Lookup cluster(Secret secret, ConfigMap configMap) {
        return (kind, namespace, name) -> {
            if (!"team".equals(namespace)) {
                return Optional.empty();
            }
            if (kind == Kind.Secret && secret != null && secret.getMetadata().getName().equals(name)) {
                return Optional.of(ConfigSources.digested(secret).getData());
            }
            if (kind == Kind.ConfigMap && configMap != null && configMap.getMetadata().getName().equals(name)) {
                return Optional.of(ConfigSources.digested(configMap).getData());
            }
            return Optional.empty();
        };
    }

    @Test
    void envKeyReferencesAndEnvFromSourcesAreTheSourcesOtherEnvIsNot() {
        assertThat(ConfigSources.of(ENV, ENV_FROM)).containsExactly(
                new Reference(Kind.Secret, "api-keys", null),
                new Reference(Kind.Secret, "tokens", "search"),
                new Reference(Kind.ConfigMap, "settings", null),
                new Reference(Kind.ConfigMap, "settings", "log"));
        assertThat(ConfigSources.of(null, null)).isEmpty();
        assertThat(ConfigSources.hash("team", ConfigSources.of(List.of(ENV.get(0)), null), cluster(null, null)))
                .as("nothing referenced: no annotation").isEmpty();
    }

    @Test
    void theHashFollowsTheReferencedValuesOnly() {
        SortedSet<Reference> oneKey = ConfigSources.of(List.of(ENV.get(1)), null);
        String before = ConfigSources.hash("team", oneKey, cluster(null, configMap("settings", Map.of("log", "info", "other", "a"))))
                .orElseThrow();

        assertThat(ConfigSources.hash("team", oneKey, cluster(null, configMap("settings", Map.of("log", "info", "other", "b")))))
                .as("another key of the ConfigMap changed").contains(before);
        assertThat(ConfigSources.hash("team", oneKey, cluster(null, configMap("settings", Map.of("log", "debug", "other", "a")))))
                .as("the referenced key changed").isNotEqualTo(Optional.of(before));

        SortedSet<Reference> wholeSecret = ConfigSources.of(null, List.of(ENV_FROM.get(0)));
        String secretBefore = ConfigSources.hash("team", wholeSecret, cluster(secret("api-keys", Map.of("a", "1")), null)).orElseThrow();
        assertThat(ConfigSources.hash("team", wholeSecret, cluster(secret("api-keys", Map.of("a", "1", "b", "2")), null)))
                .as("envFrom reads every key: a new key changes the environment").isNotEqualTo(Optional.of(secretBefore));
        assertThat(ConfigSources.hash("team", wholeSecret, cluster(secret("api-keys", Map.of("a", "1")), null))).contains(secretBefore);
    }

    @Test
    void aMissingSourceHasItsOwnHashSoItsCreationRollsThePods() {
        SortedSet<Reference> references = ConfigSources.of(null, List.of(ENV_FROM.get(0)));
        Optional<String> missing = ConfigSources.hash("team", references, cluster(null, null));
        Optional<String> empty = ConfigSources.hash("team", references, cluster(secret("api-keys", Map.of()), null));

        assertThat(missing).isPresent();
        assertThat(empty).isPresent().isNotEqualTo(missing);
    }

    @Test
    void theOperatorKeepsDigestsNeverValues() {
        Secret secret = secret("api-keys", Map.of("OPENAI_API_KEY", "sk-very-secret"));
        Secret digested = ConfigSources.digested(secret);

        assertThat(digested.getData()).containsOnlyKeys("OPENAI_API_KEY");
        assertThat(digested.getData().get("OPENAI_API_KEY")).hasSize(64).doesNotContain(secret.getData().get("OPENAI_API_KEY"));
        assertThat(Serialization.asJson(digested)).doesNotContain("sk-very-secret").doesNotContain(secret.getData().get("OPENAI_API_KEY"));
        assertThat(digested.getMetadata().getResourceVersion()).isEqualTo("7");

        Secret asStringData = new SecretBuilder().withMetadata(secret.getMetadata()).withStringData(Map.of("OPENAI_API_KEY", "sk-very-secret"))
                .build();
        assertThat(ConfigSources.digested(asStringData).getData()).as("stringData, as render reads it from a file, digests the same")
                .isEqualTo(digested.getData());

        ReducingItemStore<Secret> store = new ReducingItemStore<>(ConfigSources::digested);
        store.put(store.getKey(secret), secret);
        assertThat(store.get("team/api-keys").getData()).isEqualTo(digested.getData());
    }
}
