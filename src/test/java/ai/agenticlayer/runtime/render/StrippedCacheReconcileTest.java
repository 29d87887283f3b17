package ai.agenticlayer.runtime.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.cache.CachedObjects;
import ai.agenticlayer.runtime.config.AgentDefaults;
import ai.agenticlayer.runtime.config.OperatorConfig;
import ai.agenticlayer.runtime.digest.CanonicalJson;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * What the informer caches drop ({@link CachedObjects#stripped}) is never read: a reconcile of every sample as the API
 * server stores it (with {@code managedFields} and kubectl's last-applied copy) gives the same children and the same
 * statuses as a reconcile of the same objects stripped, as the operator's caches hold them. The reconcile is the
 * operator's own decision functions, as {@code render} runs them.
 */
class StrippedCacheReconcileTest {


    @Test
    void aReconcileOfStrippedObjectsEqualsOneOfTheObjectsAsStored() {
        List<HasMetadata> asStored = samples();
        asStored.forEach(StrippedCacheReconcileTest::asTheApiServerStoresIt);
        List<HasMetadata> stripped = samples();
        stripped.forEach(StrippedCacheReconcileTest::asTheApiServerStoresIt);
        stripped.forEach(CachedObjects::stripped);
        assertThat(stripped).allSatisfy(object -> {
            assertThat(object.getMetadata().getManagedFields()).isNullOrEmpty();
            assertThat(object.getMetadata().getAnnotations()).doesNotContainKey(CachedObjects.LAST_APPLIED).containsKey("team");
        });

        List<String> fromStored = reconcile(asStored);
        List<String> fromStripped = reconcile(stripped);

        assertThat(fromStripped).hasSizeGreaterThan(10).containsExactlyElementsOf(fromStored);
        assertThat(String.join("\n", fromStored)).contains("\"kind\":\"Deployment\"", "Agent newsroom/summarizer {\"aiGatewayRef\"")
                .doesNotContain(CachedObjects.LAST_APPLIED).doesNotContain("managedFields");
    }

    @Test
    void strippingKeepsEverythingButFieldManagerBookkeeping() {
        HasMetadata agent = firstAgent();
        asTheApiServerStoresIt(agent);
        HasMetadata expected = firstAgent();
        expected.getMetadata().setAnnotations(Map.of("team", "news"));

        assertThat(CanonicalJson.of(CachedObjects.stripped(agent))).isEqualTo(CanonicalJson.of(expected));
    }

    private static HasMetadata firstAgent() {
        HasMetadata agent = samples().stream().filter(object -> object.getKind().equals("Agent")).findFirst().orElseThrow();
        assertThat(agent.getMetadata().getAnnotations()).isNullOrEmpty();
        return agent;
    }

    /** What a real API server returns for an object applied with kubectl: field managers and the last-applied copy. */
    private static void asTheApiServerStoresIt(HasMetadata object) {
        var metadata = object.getMetadata();
        Map<String, String> annotations = new HashMap<>(metadata.getAnnotations() == null ? Map.of() : metadata.getAnnotations());
        annotations.put(CachedObjects.LAST_APPLIED, Serialization.asJson(object));
        annotations.put("team", "news");
        metadata.setAnnotations(annotations);
        FieldsV1 fields = new FieldsV1();
        fields.setAdditionalProperty("f:metadata", Map.of("f:annotations", Map.of("f:team", Map.of())));
        metadata.setManagedFields(List.of(new ManagedFieldsEntryBuilder().withManager("kubectl-client-side-apply").withOperation("Update")
                .withApiVersion(object.getApiVersion()).withFieldsType("FieldsV1").withFieldsV1(fields).build()));
    }

    private static List<HasMetadata> samples() {
        var err = new PrintStream(OutputStream.nullOutputStream());
        return new ObjectLoader("default", err).load(ManifestReader.read(List.of("kubernetes/samples"),
                new ByteArrayInputStream(new byte[0])));
    }

    private static List<String> reconcile(List<HasMetadata> objects) {
        var settings = new OfflineCluster.Settings(OperatorConfig.DEFAULT_OPERATOR_NAMESPACE, OperatorConfig.DEFAULT_AI_GATEWAY_NAMESPACE,
                AgentDefaults.builtIn(OperatorConfig.DEFAULT_GOOGLE_ADK_IMAGE, OperatorConfig.DEFAULT_MSAF_IMAGE));
        return new OfflineCluster(settings, objects).reconcile().stream().map(StrippedCacheReconcileTest::written).toList();
    }

    /** What the operator writes of a reconciled object: a child whole, a CR's status (its metadata is the user's). */
    private static String written(HasMetadata object) {
        if (!object.getApiVersion().startsWith(ApiKinds.GROUP + "/")) {
            return CanonicalJson.of(object);
        }
        return object.getKind() + " " + object.getMetadata().getNamespace() + "/" + object.getMetadata().getName() + " "
                + CanonicalJson.of(Serialization.jsonMapper().valueToTree(object).path("status"));
    }
}
