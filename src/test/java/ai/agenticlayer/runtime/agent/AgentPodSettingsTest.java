package ai.agenticlayer.runtime.agent;

import static ai.agenticlayer.runtime.agent.AgentFixtures.BUILT_IN;
import static ai.agenticlayer.runtime.agent.AgentFixtures.agent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgentRuntimeConfiguration;
import ai.agenticlayer.runtime.config.AgentDefaults;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The pod identity and placement of an Agent's Deployment: each field alone, and with the AgentRuntimeConfigurations
 * of the operator namespace ("platform") and of the Agent's namespace ("team-a") in force.
 */
class AgentPodSettingsTest {

    private static final ResolvedReferences NONE = new ResolvedReferences(Map.of(), Map.of(), Optional.empty(), Optional.empty());

    private static final String PLATFORM = """
            metadata: {name: cluster-defaults, namespace: platform}
            spec:
              serviceAccountName: platform-agents
              automountServiceAccountToken: false
              imagePullSecrets: [{name: mirror}]
              nodeSelector: {pool: agents, arch: amd64}
              tolerations: [{key: dedicated, operator: Equal, value: agents, effect: NoSchedule}]
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: In, values: [a, b]}]}]
                podAntiAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 10
                    podAffinityTerm: {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {tier: agents}}}
              topologySpreadConstraints:
              - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway}
              priorityClassName: agents
            """;

    private static final String TEAM = """
            metadata: {name: team-defaults, namespace: team-a}
            spec:
              serviceAccountName: team-a-agents
              imagePullSecrets: [{name: team-registry}, {name: mirror}]
              nodeSelector: {pool: team-a}
              tolerations: [{key: team, operator: Exists}]
              topologySpreadConstraints:
              - {maxSkew: 2, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway}
              - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule}
            """;

    private static PodSpec pod(Agent agent, AgentDefaults defaults) {
        return AgentChildren.deployment(agent, defaults, NONE).getSpec().getTemplate().getSpec();
    }

    private static AgentDefaults defaults(String... configurations) {
        List<AgentRuntimeConfiguration> all = Arrays.stream(configurations)
                .map(yaml -> Serialization.unmarshal("apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: AgentRuntimeConfiguration\n"
                        + yaml, AgentRuntimeConfiguration.class))
                .toList();
        return AgentDefaults.forNamespace("team-a", BUILT_IN, "platform",
                namespace -> all.stream().filter(arc -> arc.getMetadata().getNamespace().equals(namespace)).toList());
    }

    @Test
    void anAgentThatSetsNoneLeavesThePodSpecWithoutThem() {
        PodSpec pod = pod(agent("metadata: {name: a, namespace: team-a}\nspec: {}"), BUILT_IN);

        assertThat(pod.getServiceAccountName()).isNull();
        assertThat(pod.getAutomountServiceAccountToken()).isNull();
        assertThat(pod.getImagePullSecrets()).isNullOrEmpty();
        assertThat(pod.getNodeSelector()).isNullOrEmpty();
        assertThat(pod.getTolerations()).isNullOrEmpty();
        assertThat(pod.getAffinity()).isNull();
        assertThat(pod.getTopologySpreadConstraints()).isNullOrEmpty();
        assertThat(pod.getPriorityClassName()).isNull();
    }

    @Test
    void eachFieldOfTheAgentGoesToThePodSpecAsWritten() {
        PodSpec pod = pod(agent("""
                metadata: {name: a, namespace: team-a}
                spec:
                  serviceAccountName: bedrock-caller
                  automountServiceAccountToken: true
                  imagePullSecrets: [{name: private-registry}]
                  nodeSelector: {pool: gpu}
                  tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
                  affinity:
                    podAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                      - {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: cache}}}
                  topologySpreadConstraints:
                  - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule,
                     labelSelector: {matchLabels: {app: a}}}
                  priorityClassName: high
                """), BUILT_IN);

        assertThat(pod.getServiceAccountName()).isEqualTo("bedrock-caller");
        assertThat(pod.getAutomountServiceAccountToken()).isTrue();
        assertThat(pod.getImagePullSecrets()).extracting(LocalObjectReference::getName).containsExactly("private-registry");
        assertThat(pod.getNodeSelector()).containsExactly(Map.entry("pool", "gpu"));
        assertThat(pod.getTolerations()).extracting(Toleration::getKey, Toleration::getOperator, Toleration::getEffect)
                .containsExactly(tuple("nvidia.com/gpu", "Exists", "NoSchedule"));
        assertThat(pod.getAffinity().getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().get(0).getTopologyKey())
                .isEqualTo("kubernetes.io/hostname");
        assertThat(pod.getAffinity().getNodeAffinity()).isNull();
        assertThat(pod.getTopologySpreadConstraints()).extracting(TopologySpreadConstraint::getLabelSelector)
                .extracting(selector -> selector.getMatchLabels().get("app")).containsExactly("a");
        assertThat(pod.getPriorityClassName()).isEqualTo("high");
    }

    @Test
    void anAgentThatSetsNoneGetsThePlatformsDefaults() {
        PodSpec pod = pod(agent("metadata: {name: a, namespace: team-a}\nspec: {}"), defaults(PLATFORM));

        assertThat(pod.getServiceAccountName()).isEqualTo("platform-agents");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getImagePullSecrets()).extracting(LocalObjectReference::getName).containsExactly("mirror");
        assertThat(pod.getNodeSelector()).containsExactly(Map.entry("pool", "agents"), Map.entry("arch", "amd64"));
        assertThat(pod.getTolerations()).extracting(Toleration::getKey).containsExactly("dedicated");
        assertThat(pod.getAffinity().getNodeAffinity()).isNotNull();
        assertThat(pod.getAffinity().getPodAntiAffinity()).isNotNull();
        assertThat(pod.getTopologySpreadConstraints()).extracting(TopologySpreadConstraint::getMaxSkew).containsExactly(1);
        assertThat(pod.getPriorityClassName()).isEqualTo("agents");
    }

    @Test
    void theNamespacesConfigurationRefinesThePlatformsAndTheAgentRefinesBoth() {
        AgentDefaults defaults = defaults(PLATFORM, TEAM);
        PodSpec teamDefaults = pod(agent("metadata: {name: a, namespace: team-a}\nspec: {}"), defaults);

        assertThat(teamDefaults.getServiceAccountName()).as("the namespace's single value wins").isEqualTo("team-a-agents");
        assertThat(teamDefaults.getAutomountServiceAccountToken()).as("kept from the platform").isFalse();
        assertThat(teamDefaults.getImagePullSecrets()).as("added up, once each")
                .extracting(LocalObjectReference::getName).containsExactly("mirror", "team-registry");
        assertThat(teamDefaults.getNodeSelector()).as("merged by key, the namespace's value wins")
                .containsExactly(Map.entry("pool", "team-a"), Map.entry("arch", "amd64"));
        assertThat(teamDefaults.getTolerations()).as("added up").extracting(Toleration::getKey).containsExactly("dedicated", "team");
        assertThat(teamDefaults.getTopologySpreadConstraints()).as("merged by topologyKey and whenUnsatisfiable")
                .extracting(TopologySpreadConstraint::getTopologyKey, TopologySpreadConstraint::getMaxSkew)
                .containsExactly(tuple("topology.kubernetes.io/zone", 2),
                        tuple("kubernetes.io/hostname", 1));

        PodSpec agentWins = pod(agent("""
                metadata: {name: a, namespace: team-a}
                spec:
                  serviceAccountName: bedrock-caller
                  automountServiceAccountToken: true
                  nodeSelector: {arch: arm64}
                  tolerations: [{key: dedicated, operator: Equal, value: agents, effect: NoSchedule}, {key: gpu, operator: Exists}]
                  affinity:
                    podAntiAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                      - {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: a}}}
                  topologySpreadConstraints:
                  - {maxSkew: 3, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule}
                  priorityClassName: critical
                """), defaults);

        assertThat(agentWins.getServiceAccountName()).isEqualTo("bedrock-caller");
        assertThat(agentWins.getAutomountServiceAccountToken()).isTrue();
        assertThat(agentWins.getNodeSelector()).containsExactly(Map.entry("pool", "team-a"), Map.entry("arch", "arm64"));
        assertThat(agentWins.getTolerations()).as("the same toleration once").extracting(Toleration::getKey)
                .containsExactly("dedicated", "team", "gpu");
        assertThat(agentWins.getAffinity().getNodeAffinity()).as("the platform's node affinity is kept").isNotNull();
        assertThat(agentWins.getAffinity().getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution())
                .as("the Agent's pod anti-affinity replaces the platform's").isEmpty();
        assertThat(agentWins.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()).hasSize(1);
        assertThat(agentWins.getTopologySpreadConstraints())
                .extracting(TopologySpreadConstraint::getTopologyKey, TopologySpreadConstraint::getMaxSkew)
                .containsExactly(tuple("topology.kubernetes.io/zone", 2),
                        tuple("kubernetes.io/hostname", 3));
        assertThat(agentWins.getPriorityClassName()).isEqualTo("critical");
    }

    @Test
    void aConfigurationChangeThatTouchesNoPodSettingLeavesTheDeploymentAsItWas() {
        Agent agent = agent("metadata: {name: a, namespace: team-a}\nspec: {}");
        String before = Serialization.asYaml(AgentChildren.deployment(agent, defaults(PLATFORM), NONE));
        // renamed, and a template image for the framework this Agent does not use
        String changed = PLATFORM.replace("cluster-defaults", "other") + "  agentTemplateImages: {msaf: registry.example.com/msaf:2.0}\n";
        String after = Serialization.asYaml(AgentChildren.deployment(agent, defaults(changed), NONE));

        assertThat(after).isEqualTo(before);
        String ownFramework = PLATFORM + "  agentTemplateImages: {googleAdk: registry.example.com/adk:2.0}\n";
        assertThat(Serialization.asYaml(AgentChildren.deployment(agent, defaults(ownFramework), NONE)))
                .as("the template image of the Agent's own framework").isNotEqualTo(before);
        assertThat(Serialization.asYaml(AgentChildren.deployment(agent, defaults(PLATFORM, TEAM), NONE))).isNotEqualTo(before);
    }
}
