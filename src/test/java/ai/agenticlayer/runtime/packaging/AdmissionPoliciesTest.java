package ai.agenticlayer.runtime.packaging;

import static ai.agenticlayer.runtime.packaging.Packaging.documents;
import static ai.agenticlayer.runtime.packaging.Packaging.ofKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.agenticlayer.runtime.api.Manifests;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBinding;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The chart's admission policies (SPEC §2.11): rendered by the real Helm engine, then evaluated with the real CEL
 * engine against the samples and against the objects a team would try to slip past them.
 */
class AdmissionPoliciesTest {

    private static final String AI_GATEWAY = "agentic-layer-require-ai-gateway";
    private static final String TOOL_ROUTES = "agentic-layer-require-tool-routes";
    private static final String REGISTRIES = "agentic-layer-allowed-registries";
    private static final String TEMPLATE_IMAGES = "agentic-layer-allowed-template-images";
    private static final Map<String, Object> ALL_ON = Map.of("policies.requireAiGateway", true, "policies.requireToolRoutes", true,
            "policies.allowedRegistries[0]", "ghcr.io/agentic-layer", "policies.allowedRegistries[1]", "registry.example.com:5000/agents/");

    private static List<JsonNode> render(Map<String, Object> values) {
        return documents(Packaging.renderChart(values));
    }

    private static Map<String, AdmissionPolicy> policies(Map<String, Object> values) {
        Map<String, AdmissionPolicy> policies = new TreeMap<>();
        ofKind(render(values), "ValidatingAdmissionPolicy").forEach(p -> policies.put(name(p), new AdmissionPolicy(p)));
        return policies;
    }

    private static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    private static ObjectNode agent(String spec) {
        return Manifests.parse("""
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: probe, namespace: team-a}
                spec: %s
                """.formatted(spec));
    }

    @Test
    void noPolicyUnlessTurnedOn() {
        assertThat(render(Map.of())).extracting(Manifests::kindOf)
                .doesNotContain("ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding");
    }

    @Test
    void eachValueTurnsOnItsPolicyAndItsBinding() {
        Map<String, String> toggles = Map.of("policies.requireAiGateway", AI_GATEWAY, "policies.requireToolRoutes", TOOL_ROUTES,
                "policies.allowedRegistries[0]", REGISTRIES);
        toggles.forEach((value, policy) -> {
            List<JsonNode> objects = render(Map.of(value, value.endsWith("[0]") ? "ghcr.io/agentic-layer" : true));
            List<String> expected = policy.equals(REGISTRIES) ? List.of(REGISTRIES, TEMPLATE_IMAGES) : List.of(policy);
            assertThat(ofKind(objects, "ValidatingAdmissionPolicy")).extracting(AdmissionPoliciesTest::name).as(value)
                    .containsExactlyElementsOf(expected);
            assertThat(ofKind(objects, "ValidatingAdmissionPolicyBinding")).extracting(b -> b.path("spec").path("policyName").asText())
                    .as(value).containsExactlyElementsOf(expected);
        });
    }

    @Test
    void bindingsCarryTheActionsAndTheNamespaceSelector() {
        Map<String, Object> values = new HashMap<>(ALL_ON);
        values.put("policies.validationActions[0]", "Warn");
        values.put("policies.validationActions[1]", "Audit");
        values.put("policies.namespaceSelector.matchLabels.agents", "governed");
        List<JsonNode> bindings = ofKind(render(values), "ValidatingAdmissionPolicyBinding");

        assertThat(bindings).extracting(AdmissionPoliciesTest::name).containsExactlyInAnyOrder(AI_GATEWAY, TOOL_ROUTES, REGISTRIES,
                TEMPLATE_IMAGES);
        for (JsonNode binding : bindings) {
            assertThat(binding.path("spec").path("policyName").asText()).isEqualTo(name(binding));
            assertThat(binding.path("spec").path("validationActions").toString()).isEqualTo("[\"Warn\",\"Audit\"]");
            assertThat(binding.path("spec").path("matchResources").path("namespaceSelector").toString())
                    .isEqualTo("{\"matchLabels\":{\"agents\":\"governed\"}}");
        }
        assertThat(ofKind(render(ALL_ON), "ValidatingAdmissionPolicyBinding"))
                .allSatisfy(b -> assertThat(b.path("spec").path("validationActions").toString()).isEqualTo("[\"Deny\"]"));
    }

    @Test
    void everyRenderedFieldIsAFieldOfTheAdmissionApi() {
        List<JsonNode> objects = render(ALL_ON);
        for (JsonNode policy : ofKind(objects, "ValidatingAdmissionPolicy")) {
            assertOnlyKnownFields(Serialization.unmarshal(policy.toString(), ValidatingAdmissionPolicy.class), name(policy));
        }
        for (JsonNode binding : ofKind(objects, "ValidatingAdmissionPolicyBinding")) {
            assertOnlyKnownFields(Serialization.unmarshal(binding.toString(), ValidatingAdmissionPolicyBinding.class), name(binding));
        }
    }

    /** The Kubernetes model keeps a field it does not know in additionalProperties: a misspelt field lands there. */
    private static void assertOnlyKnownFields(Object model, String path) {
        if (model instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                assertOnlyKnownFields(item, path + "[" + index++ + "]");
            }
            return;
        }
        if (model == null || !model.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : model.getClass().getMethods()) {
            if (getter.getParameterCount() > 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(model);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                assertThat((Map<?, ?>) value).as("unknown fields at " + path).isEmpty();
            } else {
                assertOnlyKnownFields(value, path + "." + getter.getName().substring(3));
            }
        }
    }

    @Test
    void theSamplesMeetOrBreakEachPolicyWithAMessageThatSaysWhy() {
        Map<String, AdmissionPolicy> policies = policies(ALL_ON);
        Map<String, List<String>> denied = new TreeMap<>();
        for (JsonNode sample : Manifests.documentsIn(Manifests.SAMPLES)) {
            policies.forEach((policy, admission) -> {
                List<String> messages = admission.create(sample);
                if (!messages.isEmpty()) {
                    denied.put(policy + " " + Manifests.kindOf(sample) + " " + name(sample), messages);
                }
            });
        }

        String noGateway = "spec.aiGatewayRef is required: every Agent reaches its models through an AiGateway";
        String registries = " is from none of the allowed registries: ghcr.io/agentic-layer, registry.example.com:5000/agents/";
        assertThat(denied).containsExactlyInAnyOrderEntriesOf(Map.of(
                AI_GATEWAY + " Agent summarizer", List.of(noGateway),
                AI_GATEWAY + " Agent archive-agent", List.of(noGateway),
                AI_GATEWAY + " Agent researcher", List.of(noGateway),
                TOOL_ROUTES + " Agent news-agent",
                List.of("every tool must go through a ToolRoute (spec.tools[].upstream.toolRouteRef); these do not: weather, web_search"),
                REGISTRIES + " Agent archive-agent", List.of("spec.image ghcr.io/example/archive-agent:2.1.0" + registries),
                REGISTRIES + " ToolServer news-fetcher", List.of("spec.image ghcr.io/example/news-fetcher-mcp:1.4.2" + registries),
                REGISTRIES + " ToolServer weather", List.of("spec.image ghcr.io/example/weather-mcp:0.9.0" + registries)));
    }

    @Test
    void aRegistryEntryAllowsWholePathSegmentsOnly() {
        AdmissionPolicy registries = policies(ALL_ON).get(REGISTRIES);

        assertThat(registries.create(agent("{framework: custom, image: 'ghcr.io/agentic-layer/agent:1'}"))).isEmpty();
        assertThat(registries.create(agent("{framework: custom, image: 'registry.example.com:5000/agents/news@sha256:0a1b'}"))).isEmpty();
        assertThat(registries.create(agent("{framework: google-adk}"))).as("the template image is the platform's").isEmpty();
        assertThat(registries.create(agent("{framework: google-adk, image: ''}"))).isEmpty();
        assertThat(registries.create(agent("{framework: custom, image: 'ghcr.io/agentic-layer-evil/agent:1'}"))).hasSize(1);
        assertThat(registries.create(agent("{framework: custom, image: 'registry.example.com:5000/agents-x/a:1'}"))).hasSize(1);
        assertThat(registries.create(agent("{framework: custom, image: 'nginx:1.27'}"))).as("no registry host: docker.io, not listed")
                .hasSize(1);
    }

    @Test
    void pinnedTemplateImagesComeFromTheAllowedRegistriesToo() {
        AdmissionPolicy templateImages = policies(ALL_ON).get(TEMPLATE_IMAGES);
        ObjectNode configuration = Manifests.parse("""
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: AgentRuntimeConfiguration
                metadata: {name: team-defaults, namespace: team-a}
                spec:
                  agentTemplateImages: {googleAdk: 'docker.io/someone/adk:1', msaf: 'ghcr.io/agentic-layer/agent-template-msaf:0.2.0'}
                """);

        assertThat(templateImages.create(configuration)).containsExactly("spec.agentTemplateImages docker.io/someone/adk:1 from none of "
                + "the allowed registries: ghcr.io/agentic-layer, registry.example.com:5000/agents/");
        ((ObjectNode) configuration.path("spec").path("agentTemplateImages")).put("googleAdk", "registry.example.com:5000/agents/adk:1");
        assertThat(templateImages.create(configuration)).isEmpty();
        configuration.with("spec").remove("agentTemplateImages");
        assertThat(templateImages.create(configuration)).as("no pinned images").isEmpty();
    }

    @Test
    void toolsAndGatewaysAreCheckedWhereverTheyAreMissing() {
        Map<String, AdmissionPolicy> policies = policies(ALL_ON);

        assertThat(policies.get(AI_GATEWAY).create(agent("{}"))).hasSize(1);
        assertThat(policies.get(AI_GATEWAY).create(agent("{aiGatewayRef: {name: ai-gateway}}"))).isEmpty();
        assertThat(policies.get(TOOL_ROUTES).create(agent("{}"))).isEmpty();
        assertThat(policies.get(TOOL_ROUTES).create(agent("{tools: [{name: a, upstream: {toolRouteRef: {name: a}}}]}"))).isEmpty();
        assertThat(policies.get(TOOL_ROUTES).create(agent("{tools: [{name: a, upstream: {toolRouteRef: {name: a}}},"
                + " {name: b, upstream: {toolServerRef: {name: b}}}]}")))
                .containsExactly("every tool must go through a ToolRoute (spec.tools[].upstream.toolRouteRef); these do not: b");
        ObjectNode noSpec = agent("{}");
        noSpec.remove("spec");
        assertThat(policies.get(AI_GATEWAY).create(noSpec)).hasSize(1);
        assertThat(policies.get(TOOL_ROUTES).create(noSpec)).isEmpty();
    }

    @Test
    void anUpdateThatLeavesTheSpecAloneIsAdmittedSoThatOldObjectsCanBeLabelledAndDeleted() {
        AdmissionPolicy gateway = policies(ALL_ON).get(AI_GATEWAY);
        ObjectNode before = agent("{model: openai/gpt-4o-mini}");
        ObjectNode labelled = before.deepCopy();
        labelled.with("metadata").with("labels").put("team", "a");
        labelled.with("metadata").putArray("finalizers").add("example.com/cleanup");
        ObjectNode changed = before.deepCopy();
        changed.with("spec").put("model", "openai/gpt-4o");

        assertThat(gateway.update(before, labelled)).isEmpty();
        assertThat(gateway.update(before, changed)).hasSize(1);
        assertThat(gateway.update(changed, before.deepCopy().put("kind", "AgentGateway"))).as("other kinds are not matched").isEmpty();
    }

    @Test
    void theValuesSchemaRejectsPoliciesTheApiServerWouldRefuse() {
        assertThatThrownBy(() -> render(Map.of("policies.validationActions[0]", "Deny", "policies.validationActions[1]", "Warn")))
                .hasMessageContaining("/policies/validationActions");
        assertThatThrownBy(() -> render(Map.of("policies.validationActions[0]", "Block"))).hasMessageContaining("/policies/validationActions");
        assertThatThrownBy(() -> render(Map.of("policies.allowedRegistries[0]", "https://ghcr.io"))).hasMessageContaining("/policies/allowedRegistries/0");
    }
}
