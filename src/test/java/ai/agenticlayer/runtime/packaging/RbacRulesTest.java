package ai.agenticlayer.runtime.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.agenticlayer.runtime.api.Manifests;

/**
 * The operator's permissions, spelled out: a change that widens them fails here and has to be accepted on purpose.
 * The rules are declared in src/main/kubernetes/kubernetes.yml and carried into the chart (PackagingIT) and the OLM
 * bundle (OlmBundleIT); InstalledOperatorIT proves that the operator needs each of them and nothing else.
 */
class RbacRulesTest {

    private static final List<String> READ = List.of("get", "list", "watch");
    private static final List<String> APPLY_CHILDREN = List.of("get", "list", "watch", "create", "patch");
    private static final List<String> STATUS = List.of("patch");
    private static final List<String> OWNER_REFERENCES = List.of("update");
    private static final List<String> EVENTS = List.of("create", "patch");
    private static final String GROUP = "runtime.agentic-layer.ai";

    @Test
    void permissionsAreExactlyTheExpectedOnes() throws IOException {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("agent", List.of(
                rule(GROUP, List.of("agents"), READ),
                rule(GROUP, List.of("agents/status"), STATUS),
                rule(GROUP, List.of("agents/finalizers"), OWNER_REFERENCES),
                rule(GROUP, List.of("toolroutes", "toolservers", "aigateways", "agentruntimeconfigurations"), READ),
                rule("apps", List.of("deployments"), APPLY_CHILDREN),
                rule("", List.of("services"), APPLY_CHILDREN),
                rule("", List.of("secrets", "configmaps"), READ),
                rule("events.k8s.io", List.of("events"), EVENTS)));
        expected.put("agenticworkforce", List.of(
                rule(GROUP, List.of("agenticworkforces", "agents"), READ),
                rule(GROUP, List.of("agenticworkforces/status"), STATUS),
                rule("events.k8s.io", List.of("events"), EVENTS)));
        expected.put("agentruntimeconfiguration", List.of(
                rule(GROUP, List.of("agentruntimeconfigurations"), READ),
                rule(GROUP, List.of("agentruntimeconfigurations/status"), STATUS),
                rule("events.k8s.io", List.of("events"), EVENTS)));
        expected.put("crd-validation", List.of(rule("apiextensions.k8s.io", List.of("customresourcedefinitions"), List.of("get"))));
        expected.put("toolserver", List.of(
                rule(GROUP, List.of("toolservers"), List.of("get", "list", "watch", "patch")),
                rule(GROUP, List.of("toolservers/status"), STATUS),
                rule(GROUP, List.of("toolservers/finalizers"), OWNER_REFERENCES),
                rule("apps", List.of("deployments"), APPLY_CHILDREN),
                rule("", List.of("services"), APPLY_CHILDREN),
                rule("", List.of("secrets", "configmaps"), READ),
                rule("events.k8s.io", List.of("events"), EVENTS)));

        Map<String, List<String>> actual = new LinkedHashMap<>();
        Packaging.declaredRulesByController().entrySet().forEach(controller -> {
            List<String> described = new ArrayList<>();
            controller.getValue().forEach(rule -> described.add(rule(texts(rule.path("apiGroups")).get(0), texts(rule.path("resources")),
                    texts(rule.path("verbs")))));
            actual.put(controller.getKey(), described);
        });
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void leaderElectionNeedsOnlyItsLease() throws IOException {
        JsonNode rules = Manifests.YAML.readTree(Files.readString(Packaging.CHART.resolve("files").resolve("leader-election-rules.yaml")));
        List<String> described = new ArrayList<>();
        rules.forEach(rule -> described.add(rule(texts(rule.path("apiGroups")).get(0), texts(rule.path("resources")), texts(rule.path("verbs")))));
        // the lock reads, creates and patches the Lease; the SDK refuses to start without update (its access check)
        assertThat(described).containsExactly(rule("coordination.k8s.io", List.of("leases"), List.of("get", "create", "update", "patch")));
    }

    @Test
    void noGatewayGuardrailOrClassKindNoDeletesNoWildcards() throws IOException {
        String rules = Packaging.declaredRulesByController().toString();
        for (String kind : List.of("agentgateways", "agentgatewayclasses", "aigatewayclasses", "toolgateways", "toolgatewayclasses",
                "guards", "guardrailproviders", "toolroutes/status", "aigateways/status", "delete", "deletecollection", "*")) {
            assertThat(rules).as(kind).doesNotContain("\"" + kind + "\"");
        }
    }

    private static String rule(String group, List<String> resources, List<String> verbs) {
        return "[" + group + "] " + resources + " " + verbs;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }
}
