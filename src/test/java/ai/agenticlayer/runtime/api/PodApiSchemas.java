package ai.agenticlayer.runtime.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Pod API's structural schemas of the core types our CRDs embed, by type name, as kept in src/main/crd/.
 * <ul>
 * <li>{@link #FILE}: the types the original operator's CRDs embed, taken from them (controller-gen v0.20.1 over
 * k8s.io/api v0.36.3, Kubernetes 1.36); {@code PodApiSchemasTest} keeps it equal to them.</li>
 * <li>{@link #FROM_API_SERVER_FILE}: the fields only ours embed (pod placement, security context), converted
 * ({@link #structural}) from a real kube-apiserver's {@code /openapi/v3/api/v1}; {@code PodApiSchemasIT} keeps it
 * equal to that.</li>
 * </ul>
 */
public final class PodApiSchemas {

    public static final Path FILE = Path.of("src", "main", "crd", "pod-api-schemas.yaml");

    /** Where each type is in the original's CRDs: the CRD file and the JSON pointer of its schema. */
    static final Map<String, String[]> IN_ORIGINAL = new LinkedHashMap<>();

    static {
        String agents = "runtime.agentic-layer.ai_agents.yaml";
        String spec = "/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties";
        IN_ORIGINAL.put("EnvVar", new String[] {agents, spec + "/env/items"});
        IN_ORIGINAL.put("EnvFromSource", new String[] {agents, spec + "/envFrom/items"});
        IN_ORIGINAL.put("Volume", new String[] {agents, spec + "/volumes/items"});
        IN_ORIGINAL.put("VolumeMount", new String[] {agents, spec + "/volumeMounts/items"});
        IN_ORIGINAL.put("ResourceRequirements", new String[] {agents, spec + "/resources"});
        IN_ORIGINAL.put("LocalObjectReference",
                new String[] {"runtime.agentic-layer.ai_toolservers.yaml", spec + "/imagePullSecrets/items"});
        IN_ORIGINAL.put("SecretKeySelector", new String[] {"runtime.agentic-layer.ai_guardrailproviders.yaml",
            spec + "/openaiModeration/properties/apiKeySecretRef"});
    }

    public static final Path FROM_API_SERVER_FILE = Path.of("src", "main", "crd", "pod-api-schemas-from-api-server.yaml");

    /**
     * The fields taken from the API server's OpenAPI document, as {@code Type.field} of package io.k8s.api.core.v1:
     * whole fields, so that the list and map types of the Pod API come with them.
     */
    static final List<String> FROM_API_SERVER = List.of("PodSpec.nodeSelector", "PodSpec.tolerations", "PodSpec.affinity",
            "PodSpec.topologySpreadConstraints", "Container.securityContext");

    private static final String REF_PREFIX = "#/components/schemas/";
    private static final String ENUM_VALUES = "\n\nPossible enum values:";
    /** Extensions a CRD schema may carry; the OpenAPI document's others (unions, patch strategies) it may not. */
    private static final List<String> KEPT_EXTENSIONS = List.of("x-kubernetes-list-type", "x-kubernetes-list-map-keys",
            "x-kubernetes-map-type", "x-kubernetes-int-or-string", "x-kubernetes-preserve-unknown-fields");

    private PodApiSchemas() {
    }

    public static Map<String, JsonNode> read(Path file) throws IOException {
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        CrdCompleter.YAML.readTree(file.toFile()).fields()
                .forEachRemaining(type -> schemas.put(type.getKey(), type.getValue()));
        return schemas;
    }

    /**
     * A type of the API server's OpenAPI v3 document as a CRD's structural schema, the way controller-gen writes one:
     * references inlined, with the referring field's description; no defaults (the API server would write them into
     * every stored object, which the Pod API does not); only the extensions a CRD allows; keys sorted. Enums are
     * kept, so a misspelt value is refused at apply, and an optional one also allows {@code ""}, which the Pod API
     * takes as unset; the description's list of enum values, which the enum says, is dropped.
     */
    static ObjectNode structural(JsonNode openApi, String typeAndField) {
        JsonNode schemas = openApi.path("components").path("schemas");
        String[] parts = typeAndField.split("\\.");
        JsonNode field = schemas.path("io.k8s.api.core.v1." + parts[0]).path("properties").path(parts[1]);
        if (field.isMissingNode()) {
            throw new IllegalStateException("No field " + typeAndField + " in the OpenAPI document");
        }
        ObjectNode converted = structural(schemas, field, false);
        converted.remove("description"); // the field's, which each CRD writes its own way
        return converted;
    }

    private static ObjectNode structural(JsonNode schemas, JsonNode schema, boolean required) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        JsonNode referenced = referenced(schemas, schema);
        if (referenced != null) {
            result = structural(schemas, referenced, required);
            if (schema.has("description")) {
                result.put("description", description(schema.get("description").asText()));
            }
            return sorted(result);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "description" -> result.put(key, description(value.asText()));
                case "type", "format", "required" -> result.set(key, value);
                case "enum" -> {
                    ArrayNode values = ((ArrayNode) value).deepCopy();
                    if (!required) {
                        values.insert(0, "");
                    }
                    result.set(key, values);
                }
                case "items", "additionalProperties" -> result.set(key, structural(schemas, value, false));
                case "properties" -> {
                    ObjectNode properties = JsonNodeFactory.instance.objectNode();
                    List<String> requiredFields = new ArrayList<>();
                    schema.path("required").forEach(name -> requiredFields.add(name.asText()));
                    value.fields().forEachRemaining(property -> properties.set(property.getKey(),
                            structural(schemas, property.getValue(), requiredFields.contains(property.getKey()))));
                    result.set(key, properties);
                }
                default -> {
                    if (KEPT_EXTENSIONS.contains(key)) {
                        result.set(key, value);
                    }
                }
            }
        }
        return sorted(result);
    }

    /** The schema a {@code $ref}, or an {@code allOf} of one reference, points to; null for any other schema. */
    private static JsonNode referenced(JsonNode schemas, JsonNode schema) {
        JsonNode ref = schema.has("$ref") ? schema.get("$ref")
                : schema.path("allOf").size() == 1 ? schema.path("allOf").get(0).get("$ref") : null;
        if (ref == null) {
            return null;
        }
        JsonNode target = schemas.get(ref.asText().substring(REF_PREFIX.length()));
        if (target == null) {
            throw new IllegalStateException("Unresolved reference " + ref.asText());
        }
        return target;
    }

    private static String description(String text) {
        int enumValues = text.indexOf(ENUM_VALUES);
        return enumValues < 0 ? text : text.substring(0, enumValues);
    }

    private static ObjectNode sorted(ObjectNode node) {
        Map<String, JsonNode> byKey = new TreeMap<>();
        node.fields().forEachRemaining(field -> byKey.put(field.getKey(), field.getValue()));
        ObjectNode sorted = JsonNodeFactory.instance.objectNode();
        byKey.forEach(sorted::set);
        return sorted;
    }
}
