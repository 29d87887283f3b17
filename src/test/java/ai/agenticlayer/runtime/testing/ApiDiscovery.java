package ai.agenticlayer.runtime.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The discovery documents kubectl reads before anything else ({@code /version}, {@code /api}, {@code /apis}, and the
 * resource lists of the built-in groups the operator and its samples use), which the mock server does not serve. The
 * groups of installed CRDs are listed from the CRDs; their resource lists the mock serves itself.
 */
final class ApiDiscovery {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALL_VERBS = "create,delete,deletecollection,get,list,patch,update,watch";
    /** group/version, then kind, plural, namespaced. */
    private static final Map<String, List<String[]>> BUILT_IN = Map.of(
            "v1", List.of(new String[] { "Namespace", "namespaces", "false" }, new String[] { "ConfigMap", "configmaps", "true" },
                    new String[] { "Secret", "secrets", "true" }, new String[] { "Service", "services", "true" },
                    new String[] { "Event", "events", "true" }, new String[] { "Pod", "pods", "true" }),
            "apps/v1", List.<String[]>of(new String[] { "Deployment", "deployments", "true" }),
            "events.k8s.io/v1", List.<String[]>of(new String[] { "Event", "events", "true" }),
            "coordination.k8s.io/v1", List.<String[]>of(new String[] { "Lease", "leases", "true" }),
            "apiextensions.k8s.io/v1", List.<String[]>of(new String[] { "CustomResourceDefinition", "customresourcedefinitions", "false" }));

    private ApiDiscovery() {
    }

    /** The document for a discovery path, or empty when the path is not one; {@code crds} lists the installed CRDs. */
    static Optional<String> document(String path, Supplier<JsonNode> crds) {
        return switch (path) {
            case "/version" -> Optional.of("{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"v1.32.0-mock\",\"platform\":\"linux/amd64\"}");
            case "/api" -> Optional.of("{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],\"serverAddressByClientCIDRs\":[]}");
            case "/apis" -> Optional.of(groups(crds.get()).toString());
            default -> {
                String groupVersion = path.startsWith("/api/") ? path.substring("/api/".length())
                        : path.startsWith("/apis/") ? path.substring("/apis/".length()) : "";
                if (BUILT_IN.containsKey(groupVersion)) {
                    yield Optional.of(resources(groupVersion).toString());
                }
                yield path.startsWith("/apis/") && groupVersion.split("/").length == 2
                        ? Optional.of(customResources(groupVersion, crds.get()).toString()) : Optional.empty();
            }
        };
    }

    private static ObjectNode groups(JsonNode crds) {
        Map<String, List<String>> versionsByGroup = new LinkedHashMap<>();
        BUILT_IN.keySet().stream().filter(gv -> gv.contains("/")).sorted()
                .forEach(gv -> versionsByGroup.put(gv.substring(0, gv.indexOf('/')), List.of(gv.substring(gv.indexOf('/') + 1))));
        for (JsonNode crd : crds.path("items")) {
            List<String> versions = new java.util.ArrayList<>();
            crd.at("/spec/versions").forEach(version -> versions.add(version.path("name").asText()));
            versionsByGroup.put(crd.at("/spec/group").asText(), versions);
        }
        ObjectNode list = JSON.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        versionsByGroup.forEach((group, versions) -> {
            ObjectNode entry = groups.addObject().put("name", group);
            ArrayNode versionList = entry.putArray("versions");
            versions.forEach(version -> versionList.addObject().put("groupVersion", group + "/" + version).put("version", version));
            entry.putObject("preferredVersion").put("groupVersion", group + "/" + versions.get(0)).put("version", versions.get(0));
        });
        return list;
    }

    /** The resources of a group/version, from the installed CRDs that serve it (with their status subresources). */
    private static ObjectNode customResources(String groupVersion, JsonNode crds) {
        ObjectNode list = JSON.createObjectNode().put("kind", "APIResourceList").put("apiVersion", "v1").put("groupVersion", groupVersion);
        ArrayNode resources = list.putArray("resources");
        for (JsonNode crd : crds.path("items")) {
            for (JsonNode version : crd.at("/spec/versions")) {
                if (!(crd.at("/spec/group").asText() + "/" + version.path("name").asText()).equals(groupVersion)) {
                    continue;
                }
                JsonNode names = crd.at("/spec/names");
                ObjectNode entry = resources.addObject().put("name", names.path("plural").asText())
                        .put("singularName", names.path("singular").asText()).put("kind", names.path("kind").asText())
                        .put("namespaced", "Namespaced".equals(crd.at("/spec/scope").asText()));
                entry.set("shortNames", names.path("shortNames").isArray() ? names.path("shortNames") : JSON.createArrayNode());
                entry.set("categories", names.path("categories").isArray() ? names.path("categories") : JSON.createArrayNode());
                ArrayNode verbs = entry.putArray("verbs");
                for (String verb : ALL_VERBS.split(",")) {
                    verbs.add(verb);
                }
                if (version.at("/subresources/status").isObject()) {
                    resources.addObject().put("name", names.path("plural").asText() + "/status").put("singularName", "")
                            .put("kind", names.path("kind").asText()).put("namespaced", entry.path("namespaced").asBoolean())
                            .putArray("verbs").add("get").add("patch").add("update");
                }
            }
        }
        return list;
    }

    private static ObjectNode resources(String groupVersion) {
        ObjectNode list = JSON.createObjectNode().put("kind", "APIResourceList").put("apiVersion", "v1").put("groupVersion", groupVersion);
        ArrayNode resources = list.putArray("resources");
        for (String[] resource : BUILT_IN.get(groupVersion)) {
            ObjectNode entry = resources.addObject().put("name", resource[1]).put("singularName", "").put("kind", resource[0])
                    .put("namespaced", Boolean.parseBoolean(resource[2]));
            ArrayNode verbs = entry.putArray("verbs");
            for (String verb : ALL_VERBS.split(",")) {
                verbs.add(verb);
            }
        }
        return list;
    }
}
