package ai.agenticlayer.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.agenticlayer.runtime.api.v1alpha1.ApiGroup;
import ai.agenticlayer.runtime.api.v1alpha1.ApiKinds;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

/** The samples in kubernetes/samples (and platform/) are accepted by the CRDs and survive the Java model unchanged. */
class SamplesTest {

    static Stream<JsonNode> samples() {
        return Stream.concat(Manifests.documentsIn(Manifests.SAMPLES).stream(), Manifests.documentsIn(Manifests.PLATFORM_SAMPLES).stream())
                .filter(doc -> ApiGroup.API_VERSION.equals(doc.path("apiVersion").asText()));
    }

    @Test
    void thereIsASampleOfEveryKind() {
        Set<String> sampled = samples().map(Manifests::kindOf).collect(Collectors.toSet());
        List<String> kinds = ApiKinds.ALL.stream().map(HasMetadata::getKind).toList();
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(kinds);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplesByName")
    void sampleIsAcceptedByItsCrd(String name, JsonNode sample) {
        assertThat(Crds.validatorFor(Manifests.kindOf(sample)).validate(sample)).as(name).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplesByName")
    void sampleRoundTripsThroughTheJavaModel(String name, JsonNode sample) throws Exception {
        ObjectMapper mapper = Serialization.jsonMapper();
        Class<? extends HasMetadata> type = ApiKinds.forKind(sample.path("apiVersion").asText(), Manifests.kindOf(sample))
                .orElseThrow();

        HasMetadata resource = mapper.treeToValue(sample, type);
        JsonNode serialised = mapper.readTree(mapper.writeValueAsString(resource));

        assertThat(serialised).as(name).isEqualTo(sample);
    }

    static Stream<Arguments> samplesByName() {
        return samples().map(s -> Arguments.of(Manifests.describe(s), s));
    }
}
