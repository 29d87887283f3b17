package ai.agenticlayer.runtime.agent;

import static ai.agenticlayer.runtime.children.ChildObjects.APP_LABEL;
import static ai.agenticlayer.runtime.children.ChildObjects.labels;
import static ai.agenticlayer.runtime.children.ChildObjects.merge;

import java.util.List;
import java.util.Map;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgentSpec;
import ai.agenticlayer.runtime.api.v1alpha1.Framework;
import ai.agenticlayer.runtime.children.ChildObjects;
import ai.agenticlayer.runtime.children.ManagedLabels;
import ai.agenticlayer.runtime.config.AgentDefaults;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The Deployment and Service of an Agent, as pure functions of the Agent, its defaults and its resolved references.
 * Only the fields listed here are owned by the operator; everything else on the live objects belongs to others.
 */
public final class AgentChildren {

    public static final String CONTAINER = "agent";
    public static final String FRAMEWORK_LABEL = "framework";
    public static final String COMPONENT = "agent";

    private AgentChildren() {
    }

    public static Framework effectiveFramework(Agent agent, AgentDefaults defaults) {
        return agent.getSpec().getFramework() == null ? defaults.framework() : agent.getSpec().getFramework();
    }

    /** The Agent's image, else the template image of its framework. */
    public static String image(Agent agent, AgentDefaults defaults) {
        String image = agent.getSpec().getImage();
        if (image != null && !image.isEmpty()) {
            return image;
        }
        Framework framework = effectiveFramework(agent, defaults);
        return defaults.templateImage(framework).orElseThrow(
                () -> new IllegalArgumentException("framework " + framework.value() + " requires an image"));
    }

    /**
     * The Deployment. Replicas are owned only when the Agent sets them; otherwise the Deployment is created with one
     * and whoever scales it afterwards (an HPA, say) keeps its count.
     */
    public static Deployment deployment(Agent agent, AgentDefaults defaults, ResolvedReferences references) {
        AgentSpec spec = agent.getSpec();
        String name = agent.getMetadata().getName();
        List<AgentProtocols.Protocol> protocols = AgentProtocols.of(spec);
        Map<String, String> labels = merge(labels(spec.getCommonMetadata()), ManagedLabels.forComponent(COMPONENT),
                Map.of(APP_LABEL, name, FRAMEWORK_LABEL, effectiveFramework(agent, defaults).value()));

        PodSpec pod = defaults.podSettings().refinedBy(spec).applyTo(new PodSpecBuilder())
                .withVolumes(spec.getVolumes())
                .withContainers(new ContainerBuilder()
                        .withName(CONTAINER)
                        .withImage(image(agent, defaults))
                        .withPorts(protocols.stream()
                                .map(p -> new ContainerPortBuilder().withName(p.name()).withContainerPort(p.port())
                                        .withProtocol("TCP").build())
                                .toList())
                        .withEnv(AgentEnvironment.of(agent, protocols, references))
                        .withEnvFrom(spec.getEnvFrom())
                        .withVolumeMounts(spec.getVolumeMounts() == null ? null : List.<VolumeMount> copyOf(spec.getVolumeMounts()))
                        .withReadinessProbe(AgentProtocols.firstA2a(protocols).map(AgentChildren::readinessProbe).orElse(null))
                        .withResources(spec.getResources() == null ? ChildObjects.defaultResources() : spec.getResources())
                        .withSecurityContext(spec.getSecurityContext() == null ? defaults.securityContext() : spec.getSecurityContext())
                        .build())
                .build();
        return ChildObjects.deployment(agent, labels, spec.getCommonMetadata(), spec.getPodMetadata(), spec.getReplicas(), pod,
                references.configHash());
    }

    /** The Service: one port per protocol, selecting the Agent's pods. */
    public static Service service(Agent agent) {
        AgentSpec spec = agent.getSpec();
        Map<String, String> labels = merge(labels(spec.getCommonMetadata()), ManagedLabels.forComponent(COMPONENT),
                Map.of(APP_LABEL, agent.getMetadata().getName()));
        return ChildObjects.service(agent, labels, spec.getCommonMetadata(), AgentProtocols.of(spec).stream()
                .map(p -> new ServicePortBuilder().withName(p.name()).withPort(p.port())
                        .withTargetPort(new IntOrString(p.port())).withProtocol("TCP").build())
                .toList());
    }

    /** HTTP GET of the agent card, with the original operator's timings. */
    static Probe readinessProbe(AgentProtocols.Protocol a2a) {
        return ChildObjects.readinessProbe(new ProbeBuilder()
                .withNewHttpGet().withPath(a2a.path() + ClusterUrls.AGENT_CARD_PATH).withPort(new IntOrString(a2a.port())).endHttpGet());
    }
}
