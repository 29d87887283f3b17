package ai.agenticlayer.runtime.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;

import ai.agenticlayer.runtime.api.Manifests;

/** The installable artifacts: the Helm chart (rendered with the real Helm engine), install.yaml and the build's RBAC. */
final class Packaging {

    static final Path CHART = Path.of("helm", "agent-runtime-operator");
    static final Path CHART_CRDS = CHART.resolve("crds");
    static final Path CHART_RBAC_RULES = CHART.resolve("files").resolve("rbac-rules.yaml");
    static final Path INSTALL = Path.of("kubernetes", "install.yaml");
    static final Path POLICIES = Path.of("kubernetes", "policies");
    static final Path GENERATED_MANIFESTS = Path.of("target", "kubernetes", "kubernetes.yml");
    static final Path DECLARED_MANIFESTS = Path.of("src", "main", "kubernetes", "kubernetes.yml");
    static final Path BUNDLE = Path.of("target", "bundle", "agent-runtime-operator");
    static final String RELEASE = "agent-runtime-operator";
    static final String NAMESPACE = "agent-runtime-operator-system";
    /** The oldest Kubernetes the chart supports (Chart.yaml kubeVersion). */
    static final String KUBE_VERSION = "1.30.0";

    private Packaging() {
    }

    /** The chart rendered without its CRDs, for the given {@code --set} values. */
    static String renderChart(Map<String, Object> values) {
        var template = new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION).skipCrds();
        values.forEach(template::set);
        return template.call();
    }

    static List<JsonNode> documents(String yaml) {
        try (var parser = new YAMLFactory().createParser(yaml)) {
            List<JsonNode> documents = new ArrayList<>();
            Manifests.YAML.readValues(parser, JsonNode.class).forEachRemaining(doc -> {
                if (doc != null && !doc.isEmpty()) {
                    documents.add(doc);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> ofKind(List<JsonNode> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(Manifests.kindOf(d))).toList();
    }

    static JsonNode single(List<JsonNode> documents, String kind) {
        List<JsonNode> found = ofKind(documents, kind);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + ", found " + found.size());
        }
        return found.get(0);
    }

    /**
     * The RBAC rules of the build's manifests (declared in src/main/kubernetes/kubernetes.yml), by controller:
     * {@code <controller>-cluster-role} becomes {@code <controller>}.
     */
    static Map<String, JsonNode> generatedRulesByController() {
        return rulesByController(GENERATED_MANIFESTS);
    }

    /** The same, from where they are declared: what the build will generate, before it has run. */
    static Map<String, JsonNode> declaredRulesByController() {
        return rulesByController(DECLARED_MANIFESTS);
    }

    private static Map<String, JsonNode> rulesByController(Path manifests) {
        Map<String, JsonNode> rules = new TreeMap<>();
        for (JsonNode role : ofKind(Manifests.documentsOf(manifests), "ClusterRole")) {
            String name = role.path("metadata").path("name").asText();
            String controller = name.replaceFirst("-cluster-role$", "");
            rules.put(controller, role.path("rules"));
        }
        return rules;
    }

    /** Every rule of a list of roles, flattened. */
    static List<JsonNode> flatten(Iterable<JsonNode> ruleLists) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode rules : ruleLists) {
            ((ArrayNode) rules).forEach(all::add);
        }
        return all;
    }
}
