package ai.agenticlayer.runtime.children;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;

import ai.agenticlayer.runtime.api.v1alpha1.PodSettings;

/**
 * The pod identity and placement settings in force for a pod template, after each level (the operator namespace's
 * AgentRuntimeConfiguration, the object's namespace's, the object itself) has refined the one before. The merge
 * follows what Kubernetes itself does with defaults of these fields:
 * <ul>
 * <li>a single value (ServiceAccount, token mount, PriorityClass) is replaced by a more specific level that sets it;</li>
 * <li>tolerations and image pull secrets add up, as the PodTolerationRestriction admission plugin adds a namespace's
 * tolerations and a ServiceAccount adds its pull secrets to a pod's: a platform's cannot be dropped by an Agent;</li>
 * <li>node selectors merge by key and topology spread constraints by their list-map key (topologyKey,
 * whenUnsatisfiable), as server-side apply merges them; the more specific level wins on the same key;</li>
 * <li>each of nodeAffinity, podAffinity and podAntiAffinity is replaced as a whole: half of one set of terms merged
 * with half of another means neither.</li>
 * </ul>
 * Nothing set at any level leaves the pod template as it was before these fields existed.
 */
public record EffectivePodSettings(String serviceAccountName, Boolean automountServiceAccountToken,
        List<LocalObjectReference> imagePullSecrets, Map<String, String> nodeSelector, List<Toleration> tolerations,
        Affinity affinity, List<TopologySpreadConstraint> topologySpreadConstraints, String priorityClassName) {

    public static final EffectivePodSettings NONE = new EffectivePodSettings(null, null, List.of(), Map.of(), List.of(), null,
            List.of(), null);

    /** These settings refined by a more specific level; a null level refines nothing. */
    public EffectivePodSettings refinedBy(PodSettings level) {
        if (level == null) {
            return this;
        }
        Map<String, String> selector = new LinkedHashMap<>(nodeSelector);
        if (level.getNodeSelector() != null) {
            selector.putAll(level.getNodeSelector());
        }
        return new EffectivePodSettings(
                orElse(level.getServiceAccountName(), serviceAccountName),
                orElse(level.getAutomountServiceAccountToken(), automountServiceAccountToken),
                mergedByKey(imagePullSecrets, level.getImagePullSecrets(), LocalObjectReference::getName),
                selector,
                added(tolerations, level.getTolerations()),
                affinity(affinity, level.getAffinity()),
                mergedByKey(topologySpreadConstraints, level.getTopologySpreadConstraints(),
                        constraint -> constraint.getTopologyKey() + " " + constraint.getWhenUnsatisfiable()),
                orElse(level.getPriorityClassName(), priorityClassName));
    }

    /** Sets on the pod spec what is set here, and nothing else. */
    public PodSpecBuilder applyTo(PodSpecBuilder pod) {
        return pod.withServiceAccountName(serviceAccountName)
                .withAutomountServiceAccountToken(automountServiceAccountToken)
                .withImagePullSecrets(imagePullSecrets.isEmpty() ? null : imagePullSecrets)
                .withNodeSelector(nodeSelector.isEmpty() ? null : nodeSelector)
                .withTolerations(tolerations.isEmpty() ? null : tolerations)
                .withAffinity(affinity)
                .withTopologySpreadConstraints(topologySpreadConstraints.isEmpty() ? null : topologySpreadConstraints)
                .withPriorityClassName(priorityClassName);
    }

    private static <T> T orElse(T specific, T general) {
        return specific == null ? general : specific;
    }

    private static <T> List<T> added(List<T> general, List<T> specific) {
        List<T> all = new ArrayList<>(general);
        if (specific != null) {
            specific.stream().filter(item -> !all.contains(item)).forEach(all::add);
        }
        return all;
    }

    /** The general entries, each replaced in place by a specific one of the same key, then the specific others. */
    private static <T> List<T> mergedByKey(List<T> general, List<T> specific, Function<T, String> key) {
        Map<String, T> byKey = new LinkedHashMap<>();
        general.forEach(item -> byKey.put(key.apply(item), item));
        if (specific != null) {
            specific.forEach(item -> byKey.put(key.apply(item), item));
        }
        return new ArrayList<>(byKey.values());
    }

    private static Affinity affinity(Affinity general, Affinity specific) {
        if (specific == null) {
            return general;
        }
        if (general == null) {
            return specific;
        }
        return new AffinityBuilder()
                .withNodeAffinity(orElse(specific.getNodeAffinity(), general.getNodeAffinity()))
                .withPodAffinity(orElse(specific.getPodAffinity(), general.getPodAffinity()))
                .withPodAntiAffinity(orElse(specific.getPodAntiAffinity(), general.getPodAntiAffinity()))
                .build();
    }
}
