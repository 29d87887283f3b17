package ai.agenticlayer.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.ApiKinds;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The fabric8 client reads a watch event as the class its apiVersion and kind map to, through the KubernetesResource
 * lists on the class path; for a kind on no list it reads a generic map and then converts that to the watched class, so
 * every event of the kind is read twice. src/main/resources/META-INF/services lists this API's kinds; here on one class
 * path, as the packaged operator runs (a {@code @QuarkusTest} splits the application from the libraries).
 */
class ApiKindsMappingTest {

    @Test
    void everyKindOfTheApiIsReadAsItsClass() {
        KubernetesSerialization serialization = new KubernetesSerialization();
        assertThat(ApiKinds.ALL).allSatisfy(kind -> assertThat(serialization.<HasMetadata> unmarshal(
                "{\"apiVersion\": \"%s\", \"kind\": \"%s\", \"metadata\": {\"name\": \"x\"}}"
                        .formatted(HasMetadata.getApiVersion(kind), HasMetadata.getKind(kind))))
                .as(kind.getSimpleName()).isExactlyInstanceOf(kind));
    }
}
