package ai.agenticlayer.runtime.children;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.agenticlayer.runtime.api.v1alpha1.EmbeddedMetadata;
import ai.agenticlayer.runtime.configsource.ConfigSources;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

/** Building blocks shared by the Deployments and Services of Agents and ToolServers, as the original operator set them. */
public final class ChildObjects {

    public static final String APP_LABEL = "app";

    private ChildObjects() {
    }

    /**
     * The Deployment of an owner, as the original operator shaped it: named after the owner, selecting and labelling
     * its pods {@code app=<name>}, pod metadata from {@code commonMetadata} then {@code podMetadata}, and the
     * desired-state hash. Replicas are owned only when the owner sets them. The hash of the Secrets and ConfigMaps the
     * container reads, if any, goes on the pod template (see {@link ConfigSources}).
     */
    public static Deployment deployment(HasMetadata owner, Map<String, String> labels, EmbeddedMetadata common, EmbeddedMetadata pod,
            Integer replicas, PodSpec podSpec, Optional<String> configHash) {
        String name = owner.getMetadata().getName();
        Deployment deployment = new DeploymentBuilder()
                .withMetadata(metadata(owner, labels, annotations(common)))
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector().withMatchLabels(Map.of(APP_LABEL, name)).endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(merge(labels(common), labels(pod), Map.of(APP_LABEL, name)))
                .withAnnotations(nullIfEmpty(merge(annotations(common), annotations(pod),
                        configHash.map(hash -> Map.of(ConfigSources.HASH_ANNOTATION, hash)).orElse(Map.of()))))
                .endMetadata()
                .withSpec(podSpec)
                .endTemplate()
                .endSpec()
                .build();
        return DesiredStateHash.annotate(deployment);
    }

    /** The ClusterIP Service of an owner, selecting its pods, with the desired-state hash. */
    public static Service service(HasMetadata owner, Map<String, String> labels, EmbeddedMetadata common, List<ServicePort> ports) {
        Service service = new ServiceBuilder()
                .withMetadata(metadata(owner, labels, annotations(common)))
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(Map.of(APP_LABEL, owner.getMetadata().getName()))
                .withPorts(ports)
                .endSpec()
                .build();
        return DesiredStateHash.annotate(service);
    }

    /** The original operator's readiness timings: 10 s delay, every 10 s, 3 s timeout, 1 success, 10 failures. */
    public static Probe readinessProbe(ProbeBuilder check) {
        return check
                .withInitialDelaySeconds(10)
                .withPeriodSeconds(10)
                .withTimeoutSeconds(3)
                .withSuccessThreshold(1)
                .withFailureThreshold(10)
                .build();
    }

    /** A controller reference, as the original operator set: garbage collection removes the child with its owner. */
    public static <R extends HasMetadata> R ownedBy(R child, HasMetadata owner) {
        child.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder()
                .withApiVersion(owner.getApiVersion())
                .withKind(owner.getKind())
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build()));
        return child;
    }

    /** Unset replicas start at one; afterwards they belong to whoever scales the Deployment (an HPA, say). */
    public static Deployment withInitialReplicas(Deployment desired) {
        if (desired.getSpec().getReplicas() == null) {
            desired.getSpec().setReplicas(1);
        }
        return desired;
    }

    /** Name and namespace of the owner, with the given labels and annotations. */
    public static ObjectMeta metadata(HasMetadata owner, Map<String, String> labels, Map<String, String> annotations) {
        return new ObjectMetaBuilder()
                .withName(owner.getMetadata().getName())
                .withNamespace(owner.getMetadata().getNamespace())
                .withLabels(labels)
                .withAnnotations(annotations)
                .build();
    }

    public static Map<String, String> labels(EmbeddedMetadata metadata) {
        return metadata == null || metadata.getLabels() == null ? Map.of() : metadata.getLabels();
    }

    public static Map<String, String> annotations(EmbeddedMetadata metadata) {
        return metadata == null || metadata.getAnnotations() == null ? Map.of() : metadata.getAnnotations();
    }

    /** Later maps win. */
    @SafeVarargs
    public static Map<String, String> merge(Map<String, String>... maps) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (Map<String, String> map : maps) {
            merged.putAll(map);
        }
        return merged;
    }

    /** Pod annotations are left out entirely when there are none, as the original operator did. */
    public static Map<String, String> nullIfEmpty(Map<String, String> map) {
        return map.isEmpty() ? null : map;
    }

    /** The generated variables, each replaced by a user variable of the same name, sorted by name. */
    public static List<EnvVar> environment(Map<String, EnvVar> generated, List<EnvVar> user) {
        Map<String, EnvVar> variables = new LinkedHashMap<>(generated);
        if (user != null) {
            user.forEach(variable -> variables.put(variable.getName(), variable));
        }
        return new ArrayList<>(variables.values().stream().map(ChildObjects::asStored)
                .sorted(Comparator.comparing(EnvVar::getName)).toList());
    }

    /**
     * An empty value as the API server stores it: left out ({@code {name: X}}), which the container sees as the same
     * empty variable. A desired state that kept {@code value: ""} would never equal what is stored, and be applied again
     * on every reconcile.
     */
    private static EnvVar asStored(EnvVar variable) {
        return "".equals(variable.getValue()) ? new EnvVar(variable.getName(), null, variable.getValueFrom()) : variable;
    }

    /** Requests 100m CPU and 300Mi memory, limits 500m and 500Mi. */
    public static ResourceRequirements defaultResources() {
        return new ResourceRequirementsBuilder()
                .withRequests(Map.of("memory", new Quantity("300Mi"), "cpu", new Quantity("100m")))
                .withLimits(Map.of("memory", new Quantity("500Mi"), "cpu", new Quantity("500m")))
                .build();
    }

    /** Allows no privilege escalation, drops every capability and applies the runtime's seccomp profile. */
    public static SecurityContext restrictedSecurityContext() {
        return new SecurityContextBuilder()
                .withAllowPrivilegeEscalation(false)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .build();
    }
}
