package ai.agenticlayer.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.ApiKinds;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** API conventions every CRD of the group follows: scope, names, category, status subresource, printer columns. */
class CrdConventionsTest {

    private static final Set<String> CLUSTER_SCOPED = Set.of("AgentGatewayClass", "AiGatewayClass", "ToolGatewayClass");

    /**
     * Printer columns by kind, in the order kubectl prints them: the original operator's, plus Ready and URL where the
     * kind has them, Age last.
     */
    private static final Map<String, List<String>> COLUMNS = Map.ofEntries(
            Map.entry("Agent", List.of("AI Gateway", "Ready", "Pods", "URL", "Paused", "Age")),
            Map.entry("AgenticWorkforce", List.of("Owner", "Ready", "Agents", "Paused", "Age")),
            Map.entry("AgentRuntimeConfiguration", List.of("Default Framework", "Google ADK Image", "MSAF Image", "Accepted", "Age")),
            Map.entry("ToolServer", List.of("Transport", "Ready", "Pods", "URL", "Paused", "Age")),
            Map.entry("ToolRoute", List.of("Gateway", "URL", "Ready", "Age")),
            Map.entry("AgentGateway", List.of("Class", "Ready", "Age")),
            Map.entry("AiGateway", List.of("Class", "Port", "Age")),
            Map.entry("ToolGateway", List.of("Class", "URL", "Ready", "Age")),
            Map.entry("AgentGatewayClass", List.of("Controller", "Age")),
            Map.entry("AiGatewayClass", List.of("Controller", "Age")),
            Map.entry("ToolGatewayClass", List.of("Controller", "Age")),
            Map.entry("Guard", List.of("Provider", "Ready", "Age")),
            Map.entry("GuardrailProvider", List.of("Type", "Age")));

    static Stream<String> kinds() {
        return ApiKinds.ALL.stream().map(HasMetadata::getKind);
    }

    @Test
    void everyKindHasACrdAndNothingElseDoes() {
        assertThat(Crds.BY_KIND.keySet()).containsExactlyInAnyOrderElementsOf(kinds().toList());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void crdFollowsTheGroupsConventions(String kind) {
        JsonNode crd = Crds.BY_KIND.get(kind);
        JsonNode names = crd.at("/spec/names");
        String plural = kind.toLowerCase() + (kind.endsWith("s") ? "es" : "s");

        assertThat(crd.at("/spec/group").asText()).isEqualTo("runtime.agentic-layer.ai");
        assertThat(names.path("plural").asText()).isEqualTo(plural);
        assertThat(crd.at("/metadata/name").asText()).isEqualTo(plural + ".runtime.agentic-layer.ai");
        assertThat(crd.at("/spec/scope").asText()).isEqualTo(CLUSTER_SCOPED.contains(kind) ? "Cluster" : "Namespaced");
        assertThat(names.path("categories")).extracting(JsonNode::asText).containsExactly("agentic");
        assertThat(names.path("shortNames")).isNotEmpty();

        JsonNode version = crd.at("/spec/versions/0");
        assertThat(crd.at("/spec/versions").size()).isEqualTo(1);
        assertThat(version.path("name").asText()).isEqualTo("v1alpha1");
        assertThat(version.path("served").asBoolean()).isTrue();
        assertThat(version.path("storage").asBoolean()).isTrue();
        assertThat(version.path("subresources").has("status")).isTrue();
        assertThat(version.path("additionalPrinterColumns")).extracting(c -> c.path("name").asText())
                .containsExactlyElementsOf(COLUMNS.get(kind));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void readyAndAgeColumnsReadTheConditionAndTheCreationTimestamp(String kind) {
        for (JsonNode column : Crds.BY_KIND.get(kind).at("/spec/versions/0/additionalPrinterColumns")) {
            switch (column.path("name").asText()) {
                case "Age" -> assertThat(column.path("jsonPath").asText() + " " + column.path("type").asText())
                        .isEqualTo(".metadata.creationTimestamp date");
                case "Ready" -> assertThat(column.path("jsonPath").asText())
                        .isEqualTo(".status.conditions[?(@.type==\"Ready\")].status");
                case "URL" -> assertThat(column.path("jsonPath").asText()).isEqualTo(".status.url");
                default -> {
                }
            }
        }
    }

    /** The descriptions become {@code kubectl explain}; a field without one is a hole in the documentation. */
    @Test
    void everyFieldOfTheModelIsDescribed() {
        Set<String> undescribed = new HashSet<>();
        for (Class<?> type : modelClasses()) {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.isAnnotationPresent(JsonPropertyDescription.class)) {
                    undescribed.add(type.getSimpleName() + "." + field.getName());
                }
            }
        }
        assertThat(undescribed).isEmpty();
    }

    /** The spec and status classes of every kind and the API classes they use, found through their fields. */
    private static Set<Class<?>> modelClasses() {
        String apiPackage = Agent.class.getPackageName();
        Set<Class<?>> found = new HashSet<>();
        Deque<Type> pending = new ArrayDeque<>();
        for (Class<? extends HasMetadata> kind : ApiKinds.ALL) {
            pending.addAll(List.of(((ParameterizedType) kind.getGenericSuperclass()).getActualTypeArguments()));
        }
        while (!pending.isEmpty()) {
            Type type = pending.pop();
            if (type instanceof ParameterizedType parameterized) {
                pending.addAll(List.of(parameterized.getActualTypeArguments()));
            } else if (type instanceof Class<?> c && c.getPackageName().equals(apiPackage) && !c.isEnum() && found.add(c)) {
                for (Class<?> k = c; k != null && k.getPackageName().equals(apiPackage); k = k.getSuperclass()) {
                    found.add(k);
                    Stream.of(k.getDeclaredFields()).map(Field::getGenericType).forEach(pending::add);
                }
            }
        }
        assertThat(found).hasSizeGreaterThan(30);
        return found;
    }
}
