package ai.agenticlayer.runtime.render;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * Turns documents into the operator's model, checked as {@code kubectl apply} would check them: a known kind of this
 * API, a name, the CRD's OpenAPI schema and CEL rules (its defaults applied, as the API server stores the object).
 * Secrets and ConfigMaps are kept too, as the sources of the config hash; other kinds are passed over.
 * Every problem of every document is collected, then reported at once.
 */
final class ObjectLoader {

    private static final Map<String, Class<? extends HasMetadata>> CONFIG_SOURCES = Map.of("v1/Secret", Secret.class,
            "v1/ConfigMap", ConfigMap.class);

    private final String defaultNamespace;
    private final PrintStream err;

    ObjectLoader(String defaultNamespace, PrintStream err) {
        this.defaultNamespace = defaultNamespace;
        this.err = err;
    }

    List<HasMetadata> load(List<ManifestReader.Document> documents) {
        List<String> problems = new ArrayList<>();
        List<HasMetadata> objects = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (ManifestReader.Document document : documents) {
            JsonNode content = document.content();
            String apiVersion = content.path("apiVersion").asText("");
            String kind = content.path("kind").asText("");
            if (apiVersion.isEmpty() || kind.isEmpty()) {
                problems.add(document.where() + ": not a Kubernetes object: apiVersion and kind are required");
                continue;
            }
            String name = content.path("metadata").path("name").asText("");
            Class<? extends HasMetadata> configSource = CONFIG_SOURCES.get(apiVersion + "/" + kind);
            if (configSource != null && !name.isEmpty()) {
                // read by env and envFrom: their content goes into the pod template's config hash
                ObjectNode stored = content.deepCopy();
                ((ObjectNode) stored.path("metadata")).put("namespace", content.path("metadata").path("namespace").asText(defaultNamespace));
                objects.add(Serialization.unmarshal(stored.toString(), configSource));
                continue;
            }
            if (!apiVersion.startsWith(ApiKinds.GROUP + "/")) {
                String givenNamespace = content.path("metadata").path("namespace").asText("");
                err.println("render: passed over " + kind + " " + (givenNamespace.isEmpty() ? "" : givenNamespace + "/") + name
                        + " (" + document.source() + "): not of " + ApiKinds.GROUP);
                continue;
            }
            String namespace = content.path("metadata").path("namespace").asText(defaultNamespace);
            String described = kind + " " + (name.isEmpty() ? "<unnamed>" : namespace + "/" + name);
            if (!apiVersion.equals(ApiKinds.API_VERSION)) {
                problems.add(document.where() + ": " + described + ": unknown apiVersion " + apiVersion + "; this operator serves "
                        + ApiKinds.API_VERSION);
                continue;
            }
            var type = ApiKinds.classOf(kind);
            if (type.isEmpty()) {
                problems.add(document.where() + ": unknown kind " + kind + " in " + ApiKinds.API_VERSION + " (known: " + ApiKinds.known() + ")");
                continue;
            }
            if (name.isEmpty()) {
                problems.add(document.where() + ": " + described + ": metadata.name: Required value");
                continue;
            }
            CrdValidator validator = ApiKinds.validator(kind);
            List<String> errors = validator.validate(content);
            if (!errors.isEmpty()) {
                problems.add(document.where() + ": " + described + ": " + String.join("; ", errors));
                continue;
            }
            String previous = seen.putIfAbsent(kind + "/" + namespace + "/" + name, document.where());
            if (previous != null) {
                problems.add(document.where() + ": " + described + ": already defined in " + previous);
                continue;
            }
            ObjectNode stored = validator.applyDefaults(content);
            ObjectNode metadata = (ObjectNode) stored.path("metadata");
            metadata.put("namespace", namespace);
            if (!metadata.has("generation")) {
                metadata.put("generation", 1); // as the API server sets it on create
            }
            objects.add(Serialization.unmarshal(stored.toString(), type.get()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(String.join("\nrender: ", problems));
        }
        return objects;
    }
}
