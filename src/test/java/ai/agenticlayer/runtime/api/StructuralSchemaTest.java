package ai.agenticlayer.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The API server accepts an apiextensions.k8s.io/v1 CRD only with a structural schema; the mock API server of the
 * other tests does not check. The rules, as the Kubernetes documentation states them: every node has a type (unless
 * it is int-or-string or keeps unknown fields), a node has properties or additionalProperties but not both, the
 * logical junctors (allOf, anyOf, oneOf, not) set no type (but in the int-or-string pattern), description, default,
 * nullable or additionalProperties, and metadata at the root is restricted to name and generateName, if at all.
 */
class StructuralSchemaTest {

    private static final Set<String> JUNCTORS = Set.of("allOf", "anyOf", "oneOf", "not");
    private static final Set<String> NOT_IN_JUNCTORS = Set.of("type", "description", "default", "nullable", "additionalProperties");

    @Test
    void everyCrdHasAStructuralSchema() {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> crd : Crds.BY_KIND.entrySet()) {
            for (JsonNode version : crd.getValue().at("/spec/versions")) {
                JsonNode root = version.at("/schema/openAPIV3Schema");
                check(root, crd.getKey(), violations);
                JsonNode metadata = root.path("properties").path("metadata");
                metadata.path("properties").fieldNames().forEachRemaining(field -> {
                    if (!field.equals("name") && !field.equals("generateName")) {
                        violations.add(crd.getKey() + ".metadata." + field + ": only name and generateName may be restricted");
                    }
                });
            }
        }
        assertThat(violations).isEmpty();
    }

    private static void check(JsonNode schema, String path, List<String> violations) {
        boolean typeless = schema.path("x-kubernetes-int-or-string").asBoolean() || schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
        if (!typeless && schema.path("type").asText().isEmpty()) {
            violations.add(path + ": no type");
        }
        if (schema.has("properties") && schema.path("additionalProperties").isObject()) {
            violations.add(path + ": properties and additionalProperties");
        }
        for (String junctor : JUNCTORS) {
            for (JsonNode branch : schema.path(junctor).isArray() ? schema.path(junctor) : List.of(schema.path(junctor))) {
                for (String forbidden : NOT_IN_JUNCTORS) {
                    // int-or-string is the one exception: anyOf [{type: integer}, {type: string}]
                    boolean intOrString = forbidden.equals("type") && schema.path("x-kubernetes-int-or-string").asBoolean();
                    if (branch.has(forbidden) && !intOrString) {
                        violations.add(path + "." + junctor + ": sets " + forbidden);
                    }
                }
            }
        }
        schema.path("properties").fields().forEachRemaining(p -> check(p.getValue(), path + "." + p.getKey(), violations));
        if (schema.has("items")) {
            check(schema.path("items"), path + "[]", violations);
        }
        if (schema.path("additionalProperties").isObject()) {
            check(schema.path("additionalProperties"), path + "{}", violations);
        }
    }
}
