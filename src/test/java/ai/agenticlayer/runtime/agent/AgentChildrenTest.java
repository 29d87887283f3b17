package ai.agenticlayer.runtime.agent;

import static ai.agenticlayer.runtime.agent.AgentFixtures.BUILT_IN;
import static ai.agenticlayer.runtime.agent.AgentFixtures.agent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.agenticlayer.runtime.api.Manifests;
import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.Framework;
import ai.agenticlayer.runtime.children.DesiredStateHash;
import ai.agenticlayer.runtime.config.AgentDefaults;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/** The desired Deployment and Service of an Agent, computed without a cluster. */
class AgentChildrenTest {

    private static final ResolvedReferences NONE = new ResolvedReferences(Map.of(), Map.of(), Optional.empty(), Optional.empty());

    private static Deployment deployment(Agent agent) {
        return AgentChildren.deployment(agent, BUILT_IN, NONE);
    }

    private static Container container(Agent agent) {
        return deployment(agent).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** The dependents find the children by the Agent's own name and namespace, without building them first. */
    @Test
    void childrenAreNamedAsTheirAgentInItsNamespace() {
        Agent agent = agent("metadata: {name: weather, namespace: team-a}\nspec: {}");

        assertThat(ResourceID.fromResource(deployment(agent))).isEqualTo(ResourceID.fromResource(agent));
        assertThat(ResourceID.fromResource(AgentChildren.service(agent))).isEqualTo(ResourceID.fromResource(agent));
    }

    @Test
    void customImageWinsAndTheFrameworkLabelStays() {
        Deployment deployment = deployment(agent("metadata: {name: c, namespace: n}\nspec: {framework: custom, image: 'example/agent:1'}"));

        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("example/agent:1");
        assertThat(deployment.getMetadata().getLabels()).containsEntry("framework", "custom");
    }

    @Test
    void templateImageFollowsTheFrameworkAndItsDefault() {
        assertThat(container(agent("metadata: {name: m, namespace: n}\nspec: {framework: msaf}")).getImage())
                .isEqualTo("ghcr.io/agentic-layer/agent-template-msaf:0.1.0");
        AgentDefaults msafByDefault = new AgentDefaults(Framework.MSAF, "adk:pinned", "msaf:pinned", BUILT_IN.securityContext(),
                BUILT_IN.podSettings(), BUILT_IN.referenceRules());
        Deployment deployment = AgentChildren.deployment(agent("metadata: {name: m, namespace: n}\nspec: {}"), msafByDefault, NONE);
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("msaf:pinned");
        assertThat(deployment.getMetadata().getLabels()).containsEntry("framework", "msaf");
    }

    @Test
    void agentWithoutProtocolsServesA2aOnPort8000() {
        Agent agent = agent("metadata: {name: plain, namespace: n}\nspec: {}");

        assertThat(container(agent).getPorts()).singleElement().satisfies(p -> assertThat(p.getName()).isEqualTo("a2a-8000"));
        assertThat(container(agent).getEnv()).extracting(EnvVar::getName).containsExactly("AGENT_A2A_RPC_URL", "AGENT_DESCRIPTION",
                "AGENT_INSTRUCTION", "AGENT_MODEL", "AGENT_NAME", "AGENT_TOOLS", "OTEL_SEMCONV_STABILITY_OPT_IN",
                "OTEL_SERVICE_NAME", "SUB_AGENTS");
        assertThat(container(agent).getEnv()).filteredOn(e -> e.getName().equals("SUB_AGENTS")).singleElement()
                .extracting(EnvVar::getValue).isEqualTo("{}");
    }

    @Test
    void rootPathKeepsTheOriginalDoubleSlash() {
        Agent agent = agent("metadata: {name: a, namespace: n}\nspec: {protocols: [{type: A2A, port: 9000, path: /}]}");

        assertThat(container(agent).getReadinessProbe().getHttpGet().getPath()).isEqualTo("//.well-known/agent-card.json");
        assertThat(container(agent).getEnv()).filteredOn(e -> e.getName().equals("AGENT_A2A_RPC_URL")).singleElement()
                .extracting(EnvVar::getValue).isEqualTo("http://a.n.svc.cluster.local:9000/");
    }

    @Test
    void userEnvReplacesAGeneratedVariableAndIsSortedIn() {
        Agent agent = agent("""
                metadata: {name: a, namespace: n}
                spec:
                  model: ignored
                  env:
                    - {name: ZZZ_LAST, value: z}
                    - name: AGENT_MODEL
                      valueFrom: {secretKeyRef: {name: models, key: default}}
                    - {name: AAA_FIRST, value: a}
                """);

        assertThat(container(agent).getEnv()).extracting(EnvVar::getName).startsWith("AAA_FIRST").endsWith("ZZZ_LAST")
                .doesNotHaveDuplicates();
        EnvVar model = container(agent).getEnv().stream().filter(e -> e.getName().equals("AGENT_MODEL")).findFirst().orElseThrow();
        assertThat(model.getValue()).isNull();
        assertThat(model.getValueFrom().getSecretKeyRef().getName()).isEqualTo("models");
    }

    @Test
    void podFieldsTheModelDoesNotKnowReachTheDeploymentUnchanged() {
        Agent agent = agent("""
                metadata: {name: a, namespace: n}
                spec:
                  env:
                    - name: TOKEN
                      valueFrom: {fileKeyRef: {volumeName: config, path: env, key: TOKEN}}
                  volumes:
                    - name: identity
                      projected: {sources: [{podCertificate: {signerName: example.com/id, keyType: ED25519}}]}
                """);

        JsonNode pod = Serialization.jsonMapper().valueToTree(deployment(agent).getSpec().getTemplate().getSpec());
        assertThat(pod.at("/containers/0/env").findValue("fileKeyRef"))
                .isEqualTo(Manifests.parse("{volumeName: config, path: env, key: TOKEN}"));
        assertThat(pod.at("/volumes/0/projected/sources/0/podCertificate/signerName").asText()).isEqualTo("example.com/id");
    }

    @Test
    void metadataGoesWhereTheOriginalPutIt() {
        Agent agent = agent("""
                metadata: {name: a, namespace: n}
                spec:
                  commonMetadata: {labels: {team: news, app: overridden}, annotations: {owner: news}}
                  podMetadata: {labels: {tier: agents}, annotations: {sidecar.istio.io/inject: 'true'}}
                """);
        Deployment deployment = deployment(agent);
        Service service = AgentChildren.service(agent);

        assertThat(deployment.getMetadata().getLabels()).contains(entry("team", "news"), entry("app", "a")).doesNotContainKey("tier");
        assertThat(deployment.getMetadata().getAnnotations()).containsEntry("owner", "news");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsOnly(entry("team", "news"), entry("tier", "agents"), entry("app", "a"));
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsOnly(entry("owner", "news"), entry("sidecar.istio.io/inject", "true"));
        assertThat(service.getMetadata().getLabels()).contains(entry("team", "news"), entry("app", "a")).doesNotContainKey("tier");
    }

    @Test
    void resourcesAndSecurityContextOfTheAgentAreTakenVerbatim() {
        Container container = container(agent("""
                metadata: {name: a, namespace: n}
                spec:
                  resources: {limits: {memory: 1Gi}}
                  securityContext: {runAsUser: 1000, readOnlyRootFilesystem: true}
                """));

        assertThat(container.getResources().getLimits()).containsOnly(entry("memory", new Quantity("1Gi")));
        assertThat(container.getResources().getRequests()).isEmpty();
        assertThat(container.getSecurityContext().getRunAsUser()).isEqualTo(1000L);
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isNull();
    }

    @Test
    void replicasAreOwnedOnlyWhenTheAgentSetsThem() {
        assertThat(deployment(agent("metadata: {name: a, namespace: n}\nspec: {}")).getSpec().getReplicas()).isNull();
        assertThat(deployment(agent("metadata: {name: a, namespace: n}\nspec: {replicas: 3}")).getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void desiredStateHashIsStableAndFollowsEveryChange() {
        String yaml = "metadata: {name: a, namespace: n}\nspec: {commonMetadata: {labels: {x: '1', y: '2'}}}";
        String hash = DesiredStateHash.on(deployment(agent(yaml)));

        assertThat(DesiredStateHash.on(deployment(agent(yaml)))).isEqualTo(hash);
        assertThat(DesiredStateHash.on(deployment(agent("metadata: {name: a, namespace: n}\nspec: {commonMetadata: {labels: {y: '2', x: '1'}}}"))))
                .isEqualTo(hash);
        assertThat(DesiredStateHash.on(deployment(agent("metadata: {name: a, namespace: n}\nspec: {commonMetadata: {labels: {x: '1'}}}"))))
                .isNotEqualTo(hash);
    }
}
