package ai.agenticlayer.runtime.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Pod API's structural schemas of the core types our CRDs embed, by type name, as kept in
 * src/main/crd/pod-api-schemas.yaml. That file is taken from the original operator's CRDs, which controller-gen
 * v0.20.1 generated from k8s.io/api v0.36.3 (Kubernetes 1.36): {@code PodApiSchemasTest} keeps it equal to them.
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

    private PodApiSchemas() {
    }

    public static Map<String, JsonNode> read(Path file) throws IOException {
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        CrdCompleter.YAML.readTree(file.toFile()).fields()
                .forEachRemaining(type -> schemas.put(type.getKey(), type.getValue()));
        return schemas;
    }
}
