package ai.agenticlayer.runtime.api;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import ai.agenticlayer.runtime.render.CrdValidator;

/** The committed CRDs (kept identical to the generated ones by GeneratedManifestsIT), by kind. */
public final class Crds {

    public static final Map<String, JsonNode> BY_KIND = Manifests.documentsIn(Manifests.CRDS).stream()
            .collect(Collectors.toUnmodifiableMap(crd -> crd.at("/spec/names/kind").asText(), Function.identity()));

    private static final Map<String, CrdValidator> VALIDATORS = BY_KIND.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> new CrdValidator(e.getValue())));

    private Crds() {
    }

    public static CrdValidator validatorFor(String kind) {
        CrdValidator validator = VALIDATORS.get(kind);
        if (validator == null) {
            throw new IllegalArgumentException("No CRD for kind " + kind + " in " + Manifests.CRDS);
        }
        return validator;
    }
}
