package ai.agenticlayer.runtime.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.agenticlayer.runtime.api.v1alpha1.ApiGroup;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * What an operator made of the inputs on one API server, flattened to comparable leaves: every object of the API
 * group as stored (spec, status, labels and annotations), every Deployment and Service owned by one, and the Events
 * about each. A leaf's key is {@code Kind namespace/name path}; in a path, a list of objects is keyed by each one's
 * {@code name} (a protocol by its port, a condition by its type), and its order is a leaf of its own
 * ({@code path.(order)}), except where the original's order is Go map order (the workforce's transitive lists).
 * <p>
 * Events are compared by what they say about the end state, which does not depend on timing: per object, the
 * type and reason of its Events, and the note of a Warning about an object that ends not Ready. Left out: a Warning
 * about an object that ends Ready (a reference that was not ready yet when it was first reconciled, which depends on
 * the order the operator happened to take the objects in) and the original's {@code Updated} Event after its own
 * {@code Created} one (its second write of a child it just created, which happens or not by timing).
 */
final class Results {

    /** Filled in by the API server or by time, not by an operator's decision. */
    private static final Set<String> DROPPED_METADATA = Set.of("uid", "resourceVersion", "creationTimestamp",
            "generation", "managedFields", "selfLink");
    private static final Set<String> DROPPED_CONDITION_FIELDS = Set.of("lastTransitionTime", "observedGeneration");
    private static final List<String> GROUP_KINDS = List.of("Agent", "ToolServer", "AgenticWorkforce",
            "AgentRuntimeConfiguration", "ToolRoute", "AgentGateway", "AgentGatewayClass", "AiGateway", "AiGatewayClass",
            "ToolGateway", "ToolGatewayClass", "Guard", "GuardrailProvider");
    /** Lists that the original writes in Go map order: compared as sets. */
    private static final Set<String> UNORDERED = Set.of("status.transitiveAgents", "status.transitiveTools");

    private Results() {
    }

    static Map<String, String> of(KubernetesClient client) {
        Map<String, String> leaves = new TreeMap<>();
        Set<String> ready = new TreeSet<>();
        for (String kind : GROUP_KINDS) {
            for (GenericKubernetesResource object : client.genericKubernetesResources(ApiGroup.API_VERSION, kind)
                    .inAnyNamespace().list().getItems()) {
                ObjectNode json = normalized(object);
                flatten(key(kind, object), json, leaves);
                for (JsonNode condition : json.path("status").path("conditions")) {
                    if (condition.path("type").asText().equals("Ready") && condition.path("status").asText().equals("True")) {
                        ready.add(key(kind, object));
                    }
                }
            }
        }
        for (String kind : List.of("Deployment", "Service")) {
            for (GenericKubernetesResource object : client.genericKubernetesResources(kind.equals("Service") ? "v1"
                    : "apps/v1", kind).inAnyNamespace().list().getItems()) {
                if (object.getMetadata().getOwnerReferences().stream()
                        .anyMatch(owner -> owner.getApiVersion().startsWith(ApiGroup.GROUP))) {
                    ObjectNode child = normalized(object);
                    if (child.path("spec") instanceof ObjectNode spec) {
                        spec.remove(List.of("clusterIP", "clusterIPs"));
                    }
                    flatten(key(kind, object), child, leaves);
                }
            }
        }
        events(client, ready, leaves);
        return leaves;
    }

    private static void events(KubernetesClient client, Set<String> ready, Map<String, String> leaves) {
        Map<String, Set<String>> reasons = new TreeMap<>();
        Map<String, String> warnings = new TreeMap<>();
        for (GenericKubernetesResource event : client.genericKubernetesResources("events.k8s.io/v1", "Event")
                .inAnyNamespace().list().getItems()) {
            JsonNode json = Serialization.jsonMapper().valueToTree(event);
            JsonNode regarding = json.path("regarding");
            if (!regarding.path("apiVersion").asText().startsWith(ApiGroup.GROUP)) {
                continue; // about a child or the cluster
            }
            String object = regarding.path("kind").asText() + " " + regarding.path("namespace").asText() + "/"
                    + regarding.path("name").asText();
            String type = json.path("type").asText();
            if (type.equals("Warning") && ready.contains(object)) {
                continue;
            }
            reasons.computeIfAbsent(object, o -> new TreeSet<>()).add(type + "/" + json.path("reason").asText());
            if (type.equals("Warning")) {
                warnings.put(object + " events[" + type + "/" + json.path("reason").asText() + "].note",
                        json.path("note").asText());
            }
        }
        reasons.forEach((object, set) -> {
            if (set.contains("Normal/Created")) {
                set.remove("Normal/Updated");
            }
            leaves.put(object + " events", String.join(", ", set));
        });
        leaves.putAll(warnings);
    }

    private static String key(String kind, GenericKubernetesResource object) {
        String namespace = object.getMetadata().getNamespace();
        return kind + " " + (namespace == null ? "" : namespace + "/") + object.getMetadata().getName();
    }

    private static ObjectNode normalized(GenericKubernetesResource object) {
        ObjectNode json = Serialization.jsonMapper().valueToTree(object);
        json.remove(List.of("apiVersion", "kind"));
        ObjectNode metadata = (ObjectNode) json.get("metadata");
        metadata.remove(DROPPED_METADATA);
        metadata.remove(List.of("name", "namespace"));
        for (JsonNode owner : metadata.path("ownerReferences")) {
            ((ObjectNode) owner).remove("uid");
        }
        for (JsonNode condition : json.path("status").path("conditions")) {
            ((ObjectNode) condition).remove(DROPPED_CONDITION_FIELDS);
        }
        return json;
    }

    /** A JSON tree as leaves, by path (a pod template, say). */
    static Map<String, String> leaves(JsonNode json) {
        Map<String, String> leaves = new TreeMap<>();
        json.fields().forEachRemaining(field -> flatten("", field.getKey(), field.getValue(), leaves));
        return leaves;
    }

    private static void flatten(String object, ObjectNode json, Map<String, String> leaves) {
        json.fields().forEachRemaining(field -> flatten(object + " ", field.getKey(), field.getValue(), leaves));
    }

    private static void flatten(String object, String path, JsonNode node, Map<String, String> leaves) {
        if (node.isObject() && !node.isEmpty()) {
            node.fields().forEachRemaining(field -> flatten(object, path + "." + field.getKey(), field.getValue(), leaves));
        } else if (node.isArray() && !node.isEmpty() && node.get(0).isObject()) {
            List<String> order = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String id = path.endsWith(".protocols") ? node.get(i).path("port").asText() : id(node.get(i), i);
                order.add(id);
                flatten(object, path + "[" + id + "]", node.get(i), leaves);
            }
            if (!UNORDERED.contains(path)) {
                leaves.put(object + path + ".(order)", order.toString());
            }
        } else if (node.isArray() && UNORDERED.contains(path)) {
            List<String> sorted = new ArrayList<>();
            node.forEach(element -> sorted.add(element.asText()));
            sorted.sort(null);
            leaves.put(object + path, sorted.toString());
        } else if (!node.isNull()) {
            leaves.put(object + path, node.isTextual() ? node.asText() : node.toString());
        }
    }

    private static String id(JsonNode element, int index) {
        for (String field : List.of("name", "type", "mountPath")) {
            if (element.hasNonNull(field) && element.get(field).isTextual()) {
                String namespace = element.path("namespace").asText("");
                return (namespace.isEmpty() ? "" : namespace + "/") + element.get(field).asText();
            }
        }
        return String.valueOf(index);
    }
}
