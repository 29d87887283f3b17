package ai.agenticlayer.runtime.packaging;

import static ai.agenticlayer.runtime.packaging.Packaging.documents;
import static ai.agenticlayer.runtime.packaging.Packaging.ofKind;
import static ai.agenticlayer.runtime.packaging.Packaging.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

/** The Helm chart, linted and rendered by the real Helm engine, value by value. */
class HelmChartTest {

    private static List<JsonNode> render(Map<String, Object> values) {
        return documents(Packaging.renderChart(values));
    }

    private static JsonNode container(List<JsonNode> objects) {
        return single(objects, "Deployment").path("spec").path("template").path("spec").path("containers").get(0);
    }

    private static String env(JsonNode container, String name) {
        return StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(e -> name.equals(e.path("name").asText())).findFirst()
                .map(e -> e.has("value") ? e.path("value").asText() : e.path("valueFrom").toString()).orElse(null);
    }

    /** Each ClusterRole's rules, as JSON text. */
    private static Map<String, List<String>> rulesByRole(List<JsonNode> objects) {
        Map<String, List<String>> rules = new TreeMap<>();
        ofKind(objects, "ClusterRole").forEach(role -> rules.put(role.path("metadata").path("name").asText(),
                StreamSupport.stream(role.path("rules").spliterator(), false).map(JsonNode::toString).toList()));
        return rules;
    }

    private static List<String> names(List<JsonNode> objects) {
        return objects.stream().map(o -> o.path("metadata").path("namespace").asText("") + "/" + o.path("metadata").path("name").asText())
                .toList();
    }

    @Test
    void lintsStrictly() {
        LintResult result = new Helm(Packaging.CHART).lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void defaultsRunOneRestrictedPodThatWatchesEveryNamespace() {
        List<JsonNode> objects = render(Map.of());

        assertThat(objects).extracting(o -> o.path("kind").asText()).containsOnly("ServiceAccount", "ClusterRole",
                "ClusterRoleBinding", "Role", "RoleBinding", "Service", "Deployment");
        JsonNode deployment = single(objects, "Deployment");
        assertThat(deployment.path("metadata").path("namespace").asText()).isEqualTo(Packaging.NAMESPACE);
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(1);
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        assertThat(pod.path("serviceAccountName").asText()).isEqualTo("agent-runtime-operator");
        RestrictedProfile.assertMet(pod);

        JsonNode container = container(objects);
        assertThat(container.path("image").asText()).isEqualTo("ghcr.io/agentic-layer/agent-runtime-operator:0.1.0-SNAPSHOT");
        assertThat(container.path("imagePullPolicy").asText()).isEqualTo("IfNotPresent");
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.path("resources").path("requests").path("memory").asText()).isEqualTo("128Mi");
        assertThat(container.path("resources").path("limits").path("memory").asText()).isEqualTo("512Mi");
        assertThat(env(container, "POD_NAMESPACE")).contains("\"fieldPath\":\"metadata.namespace\"");
        assertThat(env(container, "QUARKUS_OPERATOR_SDK_NAMESPACES")).isEqualTo("JOSDK_ALL_NAMESPACES");
        assertThat(env(container, "QUARKUS_LOG_LEVEL")).isEqualTo("INFO");
        assertThat(env(container, "QUARKUS_LOG_CONSOLE_JSON_ENABLED")).isEqualTo("false");
        assertThat(env(container, "AGENT_RUNTIME_TEMPLATE_IMAGES_GOOGLE_ADK")).isEqualTo("ghcr.io/agentic-layer/agent-template-adk:0.8.0");

        assertThat(names(ofKind(objects, "ClusterRole"))).containsExactlyInAnyOrder("/agent-runtime-operator-agent",
                "/agent-runtime-operator-toolserver", "/agent-runtime-operator-agenticworkforce",
                "/agent-runtime-operator-agentruntimeconfiguration", "/agent-runtime-operator-crd-validation");
        assertThat(ofKind(objects, "ClusterRoleBinding")).hasSize(5).allSatisfy(binding -> {
            assertThat(binding.path("subjects").get(0).path("name").asText()).isEqualTo("agent-runtime-operator");
            assertThat(binding.path("subjects").get(0).path("namespace").asText()).isEqualTo(Packaging.NAMESPACE);
        });
        JsonNode service = single(objects, "Service");
        assertThat(service.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(8080);
    }

    @Test
    void watchedNamespacesAndTheReleaseNamespaceAreGrantedThroughRoleBindingsOnly() {
        List<JsonNode> objects = render(Map.of("watchNamespaces[0]", "team-a", "watchNamespaces[1]", "team-b"));

        assertThat(names(ofKind(objects, "ClusterRoleBinding"))).containsExactly("/agent-runtime-operator-crd-validation");
        List<String> controllerBindings = new ArrayList<>();
        for (String namespace : List.of("team-a", "team-b", Packaging.NAMESPACE)) {
            for (String controller : List.of("agent", "toolserver", "agenticworkforce", "agentruntimeconfiguration")) {
                controllerBindings.add(namespace + "/agent-runtime-operator-" + controller);
            }
        }
        controllerBindings.add(Packaging.NAMESPACE + "/agent-runtime-operator-leader-election");
        assertThat(names(ofKind(objects, "RoleBinding"))).containsExactlyInAnyOrderElementsOf(controllerBindings);
        assertThat(env(container(objects), "QUARKUS_OPERATOR_SDK_NAMESPACES"))
                .as("the release namespace holds the AgentRuntimeConfiguration of every watched namespace")
                .isEqualTo("team-a,team-b," + Packaging.NAMESPACE);

        List<JsonNode> releaseListed = render(Map.of("watchNamespaces[0]", Packaging.NAMESPACE, "watchNamespaces[1]", "team-a"));
        assertThat(env(container(releaseListed), "QUARKUS_OPERATOR_SDK_NAMESPACES")).isEqualTo(Packaging.NAMESPACE + ",team-a");
        assertThat(names(ofKind(releaseListed, "RoleBinding"))).doesNotHaveDuplicates().hasSize(9);
    }

    @Test
    void configRolloutOffTakesAwayReadingSecretsAndConfigMapsAndNothingElse() {
        List<JsonNode> on = render(Map.of());
        List<JsonNode> off = render(Map.of("configRollout.enabled", false));

        assertThat(env(container(on), "AGENT_RUNTIME_CONFIG_ROLLOUT_ENABLED")).isEqualTo("true");
        assertThat(env(container(off), "AGENT_RUNTIME_CONFIG_ROLLOUT_ENABLED")).isEqualTo("false");
        Map<String, List<String>> rulesOn = rulesByRole(on);
        Map<String, List<String>> rulesOff = rulesByRole(off);
        assertThat(rulesOff).containsOnlyKeys(rulesOn.keySet());
        rulesOn.forEach((role, rules) -> assertThat(rulesOff.get(role)).as(role)
                .isEqualTo(rules.stream().filter(rule -> !rule.contains("\"secrets\"")).toList())
                .noneMatch(rule -> rule.contains("secrets") || rule.contains("configmaps")));
        assertThat(rulesOn.values().toString()).contains("[\"secrets\",\"configmaps\"]");
    }

    @Test
    void leaderElectionHasItsLeaseRoleInTheReleaseNamespaceAndCanBeSwitchedOff() {
        List<JsonNode> objects = render(Map.of());
        JsonNode role = single(objects, "Role");
        assertThat(role.path("metadata").path("namespace").asText()).isEqualTo(Packaging.NAMESPACE);
        assertThat(role.path("rules").get(0).path("resources")).extracting(JsonNode::asText).containsExactly("leases");
        assertThat(role.path("rules").get(0).path("verbs")).extracting(JsonNode::asText).containsExactly("get", "create", "update", "patch");
        assertThat(single(objects, "RoleBinding").path("roleRef").path("name").asText()).isEqualTo("agent-runtime-operator-leader-election");
        assertThat(env(container(objects), "AGENT_RUNTIME_LEADER_ELECTION_ENABLED")).isEqualTo("true");

        List<JsonNode> single = render(Map.of("leaderElection.enabled", false));
        assertThat(ofKind(single, "Role")).isEmpty();
        assertThat(ofKind(single, "RoleBinding")).isEmpty();
        assertThat(env(container(single), "AGENT_RUNTIME_LEADER_ELECTION_ENABLED")).isEqualTo("false");
    }

    @Test
    void serviceMonitorIsRenderedOnlyWhenEnabled() {
        assertThat(ofKind(render(Map.of()), "ServiceMonitor")).isEmpty();

        JsonNode monitor = single(render(Map.of("serviceMonitor.enabled", true, "serviceMonitor.labels.release", "prometheus")),
                "ServiceMonitor");
        assertThat(monitor.path("metadata").path("labels").path("release").asText()).isEqualTo("prometheus");
        assertThat(monitor.path("spec").path("endpoints").get(0).path("path").asText()).isEqualTo("/q/metrics");
        assertThat(monitor.path("spec").path("endpoints").get(0).path("port").asText()).isEqualTo("http");
        assertThat(monitor.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/instance").asText())
                .isEqualTo(Packaging.RELEASE);
    }

    @Test
    void imageSchedulingLoggingAndPodMetadataFollowTheValues() {
        List<JsonNode> objects = render(Map.ofEntries(
                Map.entry("image.repository", "registry.example.com/mirror/agent-runtime-operator"),
                Map.entry("image.tag", "1.2.3"),
                Map.entry("image.pullPolicy", "Always"),
                Map.entry("image.pullSecrets[0]", "mirror-credentials"),
                Map.entry("replicas", 2),
                Map.entry("logging.level", "DEBUG"),
                Map.entry("logging.format", "json"),
                Map.entry("templateImages.msaf", "registry.example.com/msaf:2"),
                Map.entry("nodeSelector.kubernetes\\.io/os", "linux"),
                Map.entry("tolerations[0].key", "dedicated"),
                Map.entry("tolerations[0].operator", "Exists"),
                Map.entry("podAnnotations.team", "platform"),
                Map.entry("podLabels.cost-center", "cc-42")));

        JsonNode deployment = single(objects, "Deployment");
        JsonNode pod = deployment.path("spec").path("template");
        JsonNode container = container(objects);
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(container.path("image").asText()).isEqualTo("registry.example.com/mirror/agent-runtime-operator:1.2.3");
        assertThat(container.path("imagePullPolicy").asText()).isEqualTo("Always");
        assertThat(pod.path("spec").path("imagePullSecrets").get(0).path("name").asText()).isEqualTo("mirror-credentials");
        assertThat(env(container, "QUARKUS_LOG_LEVEL")).isEqualTo("DEBUG");
        assertThat(env(container, "QUARKUS_LOG_CONSOLE_JSON_ENABLED")).isEqualTo("true");
        assertThat(env(container, "AGENT_RUNTIME_TEMPLATE_IMAGES_MSAF")).isEqualTo("registry.example.com/msaf:2");
        assertThat(pod.path("spec").path("nodeSelector").path("kubernetes.io/os").asText()).isEqualTo("linux");
        assertThat(pod.path("spec").path("tolerations").get(0).path("key").asText()).isEqualTo("dedicated");
        assertThat(pod.path("metadata").path("annotations").path("team").asText()).isEqualTo("platform");
        assertThat(pod.path("metadata").path("labels").path("cost-center").asText()).isEqualTo("cc-42");
        assertThat(pod.path("metadata").path("labels").path("app.kubernetes.io/name").asText()).isEqualTo("agent-runtime-operator");
        RestrictedProfile.assertMet(pod.path("spec"));
    }

    @Test
    void extraArgumentsAndEnvironmentReachTheContainerAfterTheChartsOwn() {
        assertThat(container(render(Map.of())).has("args")).as("no arguments unless given").isFalse();

        JsonNode container = container(render(Map.of(
                "extraArgs[0]", "-Xmn32m",
                "extraEnv[0].name", "JAVA_OPTS_APPEND",
                "extraEnv[0].value", "-XX:TieredStopAtLevel=1 -Xmn32m",
                "extraEnv[1].name", "NODE_NAME",
                "extraEnv[1].valueFrom.fieldRef.fieldPath", "spec.nodeName")));

        assertThat(container.path("args").toString()).isEqualTo("[\"-Xmn32m\"]");
        List<String> names = StreamSupport.stream(container.path("env").spliterator(), false).map(e -> e.path("name").asText()).toList();
        assertThat(names).startsWith("POD_NAMESPACE").endsWith("JAVA_OPTS_APPEND", "NODE_NAME");
        assertThat(env(container, "JAVA_OPTS_APPEND")).isEqualTo("-XX:TieredStopAtLevel=1 -Xmn32m");
        assertThat(env(container, "NODE_NAME")).contains("spec.nodeName");
        assertThat(env(container, "QUARKUS_LOG_LEVEL")).isEqualTo("INFO");
    }

    @Test
    void theValuesSchemaRejectsWhatTheChartCannotUse() {
        assertThatThrownBy(() -> render(Map.of("logging.format", "xml"))).hasMessageContaining("/logging/format");
        assertThatThrownBy(() -> render(Map.of("watchNamespaces[0]", "Not_A_Namespace"))).hasMessageContaining("/watchNamespaces/0");
        assertThatThrownBy(() -> render(Map.of("replicaCount", 3))).hasMessageContaining("replicaCount");
        assertThatThrownBy(() -> render(Map.of("extraArgs[0]", 32))).hasMessageContaining("/extraArgs/0");
        assertThatThrownBy(() -> render(Map.of("extraEnv[0].value", "no name"))).hasMessageContaining("/extraEnv/0");
    }
}
