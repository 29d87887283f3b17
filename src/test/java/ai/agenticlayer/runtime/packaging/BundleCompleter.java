package ai.agenticlayer.runtime.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Completes the OLM bundle the Quarkus build writes into target/bundle: the bundle generator lists only the CRDs of
 * reconciled kinds and has no place for examples or field descriptors. This adds the CRDs the operator owns without
 * reconciling them (gateways, ToolRoute, guardrails), a display name and description for every owned CRD, spec and
 * status descriptors for the important fields, {@code alm-examples} taken from kubernetes/samples, and the namespaced
 * permission for leader election (the chart's rules for it).
 * <p>
 * Run by the build after packaging ({@code exec-maven-plugin}); it is build tooling, so it lives with the tests and
 * never reaches the operator's image.
 */
public final class BundleCompleter {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));
    private static final String API_VERSION = "runtime.agentic-layer.ai/v1alpha1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BundleCompleter() {
    }

    /** Arguments: the bundle directory, kubernetes/crds, kubernetes/samples, the chart's leader-election rules. */
    public static void main(String[] args) throws IOException {
        complete(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
    }

    public static void complete(Path bundle, Path crds, Path samples, Path leaderElectionRules) throws IOException {
        Path manifests = bundle.resolve("manifests");
        Path csvFile;
        try (Stream<Path> files = Files.list(manifests)) {
            csvFile = files.filter(f -> f.getFileName().toString().endsWith(".clusterserviceversion.yaml")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no ClusterServiceVersion in " + manifests));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> csv = YAML.readValue(csvFile.toFile(), LinkedHashMap.class);

        List<Map<String, Object>> owned = new ArrayList<>();
        for (Path crdFile : sorted(crds)) {
            Map<String, Object> crd = yaml(crdFile);
            Map<String, Object> names = map(map(crd, "spec"), "names");
            String kind = (String) names.get("kind");
            String name = (String) map(crd, "metadata").get("name");
            OwnedKinds.Description description = OwnedKinds.of(kind);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            entry.put("version", "v1alpha1");
            entry.put("kind", kind);
            entry.put("displayName", description.displayName());
            entry.put("description", description.description());
            if (!description.specDescriptors().isEmpty()) {
                entry.put("specDescriptors", description.specDescriptors());
            }
            if (!description.statusDescriptors().isEmpty()) {
                entry.put("statusDescriptors", description.statusDescriptors());
            }
            owned.add(entry);
            Path bundled = manifests.resolve(name + "-v1.crd.yml");
            if (!Files.exists(bundled)) {
                Files.copy(crdFile, bundled);
            }
        }
        map(map(csv, "spec"), "customresourcedefinitions").put("owned", owned);

        List<Object> examples = new ArrayList<>();
        for (Path sample : sorted(samples)) {
            for (Object document : YAML.readerFor(Object.class).readValues(sample.toFile()).readAll()) {
                // examples of this API only; the samples' Namespaces, ConfigMaps and Secrets are not
                if (document instanceof Map<?, ?> object && API_VERSION.equals(object.get("apiVersion"))) {
                    examples.add(object);
                }
            }
        }
        map(csv, "metadata").computeIfAbsent("annotations", key -> new LinkedHashMap<>());
        @SuppressWarnings("unchecked")
        Map<String, Object> annotations = (Map<String, Object>) map(csv, "metadata").get("annotations");
        annotations.put("alm-examples", JSON.writeValueAsString(examples));

        // the Lease for leader election lives in the operator's namespace: a namespaced permission, not a cluster one
        Map<String, Object> install = map(map(csv, "spec"), "install");
        Map<String, Object> leaderElection = new LinkedHashMap<>();
        leaderElection.put("serviceAccountName", "agent-runtime-operator");
        leaderElection.put("rules", YAML.readValue(leaderElectionRules.toFile(), List.class));
        map(install, "spec").put("permissions", List.of(leaderElection));
        // the pod must run as the account the permissions are granted to; the generator leaves it unset, and OLM would
        // run the operator as the namespace's "default" account, with no permission at all
        for (Object deployment : (List<?>) map(install, "spec").get("deployments")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = map((Map<String, Object>) deployment, "spec");
            map(map(spec, "template"), "spec").put("serviceAccountName", "agent-runtime-operator");
        }

        YAML.writeValue(csvFile.toFile(), csv);
    }

    private static List<Path> sorted(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        return YAML.readValue(file.toFile(), LinkedHashMap.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }
}
