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
 * The operator's permissions, spelled out: a change to a reconciler that widens them fails here and has to be
 * accepted on purpose. The rules are those the build generates from the reconcilers (kept in the chart, checked by
 * PackagingIT). The SDK grants each controller every verb on its own kind and children; see docs/packaging.md.
 */
class RbacRulesTest {

    private static final List<String> READ = List.of("get", "list", "watch");
    private static final List<String> OWN_KIND = List.of("get", "list", "watch", "patch", "update", "create", "delete");
    private static final List<String> CHILDREN = List.of("create", "delete", "get", "list", "patch", "update", "watch");
    private static final List<String> EVENTS = List.of("create", "patch");
    private static final String GROUP = "runtime.agentic-layer.ai";

    @Test
    void permissionsAreExactlyTheExpectedOnes() throws IOException {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("agent", List.of(
                rule(GROUP, List.of("agents", "agents/status", "agents/finalizers"), OWN_KIND),
                rule("", List.of("services"), CHILDREN),
                rule("apps", List.of("deployments"), CHILDREN),
                rule(GROUP, List.of("toolroutes", "toolservers", "aigateways", "agentruntimeconfigurations"), READ),
                rule("events.k8s.io", List.of("events"), EVENTS)));
        expected.put("agenticworkforce", List.of(
                rule(GROUP, List.of("agenticworkforces", "agenticworkforces/status", "agenticworkforces/finalizers"), OWN_KIND),
                rule(GROUP, List.of("agents"), READ),
                rule("events.k8s.io", List.of("events"), EVENTS)));
        expected.put("agentruntimeconfiguration", List.of(
                rule(GROUP, List.of("agentruntimeconfigurations", "agentruntimeconfigurations/status",
                        "agentruntimeconfigurations/finalizers"), OWN_KIND)));
        expected.put("crd-validation", List.of(rule("apiextensions.k8s.io", List.of("customresourcedefinitions"), List.of("get", "list"))));
        expected.put("toolserver", List.of(
                rule(GROUP, List.of("toolservers", "toolservers/status", "toolservers/finalizers"), OWN_KIND),
                rule("", List.of("services"), CHILDREN),
                rule("apps", List.of("deployments"), CHILDREN),
                rule("events.k8s.io", List.of("events"), EVENTS)));

        JsonNode rules = Manifests.YAML.readTree(Files.readString(Packaging.CHART_RBAC_RULES));
        Map<String, List<String>> actual = new LinkedHashMap<>();
        rules.fields().forEachRemaining(controller -> {
            List<String> described = new ArrayList<>();
            controller.getValue().forEach(rule -> described.add(rule(texts(rule.path("apiGroups")).get(0), texts(rule.path("resources")),
                    texts(rule.path("verbs")))));
            actual.put(controller.getKey(), described);
        });
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void noGatewayGuardrailOrClassKindIsTouched() throws IOException {
        String rules = Files.readString(Packaging.CHART_RBAC_RULES);
        for (String kind : List.of("agentgateways", "agentgatewayclasses", "aigatewayclasses", "toolgateways", "toolgatewayclasses",
                "guards", "guardrailproviders", "toolroutes/status", "aigateways/status", "secrets", "configmaps")) {
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
