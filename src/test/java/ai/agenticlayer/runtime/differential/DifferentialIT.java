package ai.agenticlayer.runtime.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

import com.fasterxml.jackson.databind.JsonNode;

import ai.agenticlayer.runtime.api.ApiDecisions;
import ai.agenticlayer.runtime.api.InvalidObjectsTest;
import ai.agenticlayer.runtime.api.Manifests;
import ai.agenticlayer.runtime.api.v1alpha1.ApiGroup;
import ai.agenticlayer.runtime.testing.InstalledOperator;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RealApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The differential tier: the original Go operator (with its webhooks and RBAC, as deployed) and ours, each on a real
 * API server of its own, get the same inputs (every sample of the original's and of the repositories that use the
 * API, our samples, and src/test/resources/differential/corpus.yaml); then everything each made of them is compared
 * leaf by leaf (see {@link Results}). A difference is either listed in docs/api-decisions.md ("Results that differ
 * from the original's") with its reason, or the test fails; a listed difference that no longer occurs fails too.
 */
class DifferentialIT {

    private static final Path DECISIONS = ApiDecisions.FILE;
    private static final String SECTION = "## Results that differ from the original's";
    private static final String REFUSED_SECTION = "## Bad input that only one of them refuses";
    /** A listed case: {@code - `description` `ours|original`: why}, naming the one that refuses it. */
    private static final Pattern REFUSED_LISTED = Pattern.compile("^- (`[^`]+` `(?:ours|original)`):");
    /** A listed difference: {@code - `Kind` `path` `change`: why}. */
    private static final Pattern LISTED = Pattern.compile("^- (`[^`]+` `[^`]+` `(?:added|missing|changed)`):");
    static final Path CORPUS = Path.of("src", "test", "resources", "differential", "corpus.yaml");
    private static final List<String> RECONCILED = List.of("Agent", "ToolServer", "AgenticWorkforce");

    private static RealApiServer originalServer;
    private static RealApiServer oursServer;
    private static Original original;
    private static PackagedOperator ours;
    private static InstalledOperator installed;
    private static final Map<String, String> REJECTED_BY_ORIGINAL = new TreeMap<>();
    private static final Map<String, String> REJECTED_BY_OURS = new TreeMap<>();

    @BeforeAll
    static void runBoth() throws IOException {
        originalServer = RealApiServer.start("differential-original");
        Original.install(originalServer);
        original = Original.start(originalServer, "differential");

        oursServer = RealApiServer.withCrds("differential-ours");
        installed = InstalledOperator.installShippedManifest(oursServer);
        ours = installed.start("differential", Map.of()).awaitReady();

        List<JsonNode> inputs = inputs();
        apply(originalServer, inputs, REJECTED_BY_ORIGINAL);
        apply(oursServer, inputs, REJECTED_BY_OURS);
        awaitConverged(originalServer, Original.USER);
        awaitConverged(oursServer, installed.user());
    }

    @AfterAll
    static void stop() {
        if (original != null) {
            original.close();
        }
        if (ours != null) {
            ours.close();
        }
        Stream.of(originalServer, oursServer).filter(s -> s != null).forEach(RealApiServer::close);
    }

    /** Over all inputs, bad ones included: ours stays up and writes less than the original (its audit log says). */
    @Test
    void oursStaysUpAndWritesLessThanTheOriginal() {
        long byOriginal = originalServer.auditEvents(Original.USER, 0, e -> e.isWrite() && !e.resource().equals("leases")).size();
        long byOurs = oursServer.auditEvents(installed.user(), 0, e -> e.isWrite() && !e.resource().equals("leases")).size();
        System.out.printf("differential: writes over every input: original %d, ours %d%n", byOriginal, byOurs);
        assertThat(ours.isAlive()).as("ours is running").isTrue();
        assertThat(byOurs).isLessThan(byOriginal);
    }

    @Test
    void everyInputIsAcceptedOrRejectedAlike() {
        assertThat(REJECTED_BY_OURS.keySet()).as("rejected by ours: %s", REJECTED_BY_OURS)
                .isEqualTo(REJECTED_BY_ORIGINAL.keySet());
    }

    @Test
    void everyResultIsTheOriginalsOrADifferenceListedWithItsReason() throws IOException {
        Map<String, String> fromOriginal;
        Map<String, String> fromOurs;
        try (KubernetesClient a = originalServer.adminClient(); KubernetesClient b = oursServer.adminClient()) {
            fromOriginal = Results.of(a);
            fromOurs = Results.of(b);
        }
        Map<String, List<String>> found = new TreeMap<>();
        Set<String> keys = new TreeSet<>(fromOriginal.keySet());
        keys.addAll(fromOurs.keySet());
        for (String key : keys) {
            String a = fromOriginal.get(key);
            String b = fromOurs.get(key);
            if (a != null && a.equals(b)) {
                continue;
            }
            String change = a == null ? "added" : b == null ? "missing" : "changed";
            String[] parts = key.split(" ", 3); // kind, namespace/name, path
            found.computeIfAbsent(parts[0] + " `" + parts[2] + "` `" + change + "`", k -> new ArrayList<>())
                    .add(parts[1] + ": " + a + " -> " + b);
        }
        Set<String> listed = ApiDecisions.listed(SECTION, LISTED).stream()
                .map(d -> d.replaceFirst("^`([^`]+)` ", "$1 ")).collect(Collectors.toCollection(TreeSet::new));
        Map<String, List<String>> unlisted = found.entrySet().stream().filter(e -> !listed.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, TreeMap::new));
        Set<String> stale = listed.stream().filter(d -> !found.containsKey(d)).collect(Collectors.toCollection(TreeSet::new));
        Files.writeString(Path.of("target", "differential-differences.txt"), found.entrySet().stream()
                .map(e -> e.getKey() + "\n    " + String.join("\n    ", e.getValue())).collect(Collectors.joining("\n")));
        assertThat(unlisted).as("results that differ from the original's, not listed in %s under \"%s\" "
                + "(all differences: target/differential-differences.txt)", DECISIONS, SECTION).isEmpty();
        assertThat(stale).as("differences listed in %s that no longer occur", DECISIONS).isEmpty();
    }

    /**
     * Every bad input of {@code InvalidObjectsTest} (each refused by our CRDs) and a nested mount path (which the
     * original's webhook refuses) goes to both at {@code kubectl apply} (a dry run): where only one refuses it, the
     * case is listed in docs/api-decisions.md with its reason.
     */
    @Test
    void badInputIsRefusedAtApplyByBothOrAsListed() throws IOException {
        List<Arguments> cases = new ArrayList<>(InvalidObjectsTest.invalidObjects().toList());
        cases.add(Arguments.of("mount path nested under another", "Agent", Manifests.parse("""
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: nested-mounts, namespace: newsroom}
                spec:
                  volumes: [{name: a, emptyDir: {}}, {name: b, emptyDir: {}}]
                  volumeMounts: [{name: a, mountPath: /data}, {name: b, mountPath: /data/cache}]
                """), ""));
        Set<String> refusedByOneOnly = new TreeSet<>();
        List<String> answers = new ArrayList<>();
        try (KubernetesClient a = originalServer.adminClient(); KubernetesClient b = oursServer.adminClient()) {
            for (Arguments arguments : cases) {
                String description = (String) arguments.get()[0];
                JsonNode object = (JsonNode) arguments.get()[2];
                String byOriginal = refusal(a, object);
                String byOurs = refusal(b, object);
                answers.add(description + "\n    original: " + byOriginal + "\n    ours: " + byOurs);
                if ((byOriginal == null) != (byOurs == null)) {
                    refusedByOneOnly.add("`" + description + "` `" + (byOurs != null ? "ours" : "original") + "`");
                }
            }
        }
        Files.writeString(Path.of("target", "differential-bad-input.txt"), String.join("\n", answers));
        assertThat(refusedByOneOnly).as("bad input refused by one of them only; %s lists under \"%s\"", DECISIONS,
                REFUSED_SECTION).isEqualTo(ApiDecisions.listed(REFUSED_SECTION, REFUSED_LISTED));
    }

    /**
     * The API server's refusal of a dry-run create, or null when it accepts the object. A webhook that did not answer
     * is asked again: that is the test machine's hiccup, not the original's answer.
     */
    private static String refusal(KubernetesClient client, JsonNode object) {
        String refusal = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                client.resource(Serialization.unmarshal(object.toString(), GenericKubernetesResource.class)).dryRun().create();
                return null;
            } catch (KubernetesClientException e) {
                refusal = e.getCode() + " " + (e.getStatus() == null ? e.getMessage() : e.getStatus().getMessage());
                if (!refusal.contains("failed calling webhook")) {
                    return refusal;
                }
            }
        }
        return refusal;
    }

    /** Every input: the samples of ../shared/original/samples, ours, the corpus; namespaces first. */
    private static List<JsonNode> inputs() throws IOException {
        List<JsonNode> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Original.HOME.resolve("samples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                inputs.addAll(Manifests.documentsOf(file));
            }
        }
        inputs.addAll(Manifests.documentsIn(Manifests.SAMPLES));
        inputs.addAll(Manifests.documentsOf(CORPUS));
        List<JsonNode> ordered = new ArrayList<>(inputs.stream().filter(i -> Manifests.kindOf(i).equals("Namespace")).toList());
        inputs.stream().filter(i -> !Manifests.kindOf(i).equals("Namespace")).forEach(ordered::add);
        return ordered;
    }

    static void apply(RealApiServer server, List<JsonNode> inputs, Map<String, String> rejected) {
        try (KubernetesClient client = server.adminClient()) {
            for (JsonNode input : inputs) {
                GenericKubernetesResource object = Serialization.unmarshal(input.toString(), GenericKubernetesResource.class);
                if (object.getMetadata().getNamespace() == null && !Manifests.kindOf(input).endsWith("Class")
                        && !Manifests.kindOf(input).equals("Namespace")) {
                    object.getMetadata().setNamespace("default");
                }
                try {
                    client.resource(object).forceConflicts().serverSideApply();
                } catch (KubernetesClientException e) {
                    rejected.put(Manifests.kindOf(input) + " " + object.getMetadata().getNamespace() + "/"
                            + object.getMetadata().getName(), e.getMessage());
                }
            }
        }
    }

    /** Every reconciled object has a Ready condition, and the operator has written nothing for three seconds. */
    static void awaitConverged(RealApiServer server, String operatorUser) {
        try (KubernetesClient client = server.adminClient()) {
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> RECONCILED
                    .stream().allMatch(kind -> client.genericKubernetesResources(ApiGroup.API_VERSION, kind).inAnyNamespace()
                            .list().getItems().stream().allMatch(DifferentialIT::hasReadyCondition)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> server
                .auditEvents().stream().filter(e -> e.user().equals(operatorUser) && e.isWrite()
                        && !e.resource().equals("leases"))
                .noneMatch(e -> e.receivedWithin(Duration.ofSeconds(3))));
    }

    private static boolean hasReadyCondition(GenericKubernetesResource object) {
        JsonNode conditions = Serialization.jsonMapper().valueToTree(object).path("status").path("conditions");
        for (JsonNode condition : conditions) {
            if (condition.path("type").asText().equals("Ready")) {
                return true;
            }
        }
        return false;
    }
}
