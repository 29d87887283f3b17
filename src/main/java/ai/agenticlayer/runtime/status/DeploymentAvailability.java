package ai.agenticlayer.runtime.status;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import ai.agenticlayer.runtime.api.v1alpha1.Condition;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.api.v1alpha1.WorkloadStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;

/** The {@code Available} condition of an owner, mirroring its Deployment's own condition (Ready says nothing about pods). */
public final class DeploymentAvailability {

    /** What of a Deployment's {@code Available} condition an owner reports. */
    public record Reported(String status, String reason, String message) {
    }

    private DeploymentAvailability() {
    }

    public static Condition of(Optional<Deployment> deployment, String name, Long generation) {
        if (deployment.isEmpty()) {
            return Conditions.condition(Conditions.AVAILABLE, false, "DeploymentMissing", "Deployment " + name + " does not exist",
                    generation);
        }
        return reported(deployment.get())
                .map(c -> Conditions.condition(Conditions.AVAILABLE, "True".equals(c.status()), c.reason(),
                        Objects.toString(c.message(), ""), generation))
                .orElseGet(() -> Conditions.condition(Conditions.AVAILABLE, ConditionStatus.UNKNOWN, "Pending",
                        "Deployment " + name + " has not reported availability yet", generation));
    }

    /**
     * The replica counts of the owner's status and the selector of its pods, from its Deployment (the scale
     * subresource reads them); left out while there is no Deployment.
     */
    public static void reportReplicas(WorkloadStatus status, Optional<Deployment> deployment) {
        deployment.ifPresent(d -> {
            status.setSelector(new TreeMap<>(d.getSpec().getSelector().getMatchLabels()).entrySet().stream()
                    .map(label -> label.getKey() + "=" + label.getValue()).collect(Collectors.joining(",")));
            // a Deployment the Deployment controller has not seen yet has no status: no pods
            DeploymentStatus observed = Objects.requireNonNullElseGet(d.getStatus(), DeploymentStatus::new);
            int ready = Objects.requireNonNullElse(observed.getReadyReplicas(), 0);
            status.setReplicas(Objects.requireNonNullElse(observed.getReplicas(), 0));
            status.setReadyReplicas(ready);
            status.setPods(ready + "/" + Objects.requireNonNullElse(d.getSpec().getReplicas(), 1));
        });
    }

    /** What of a Deployment's replica counts an owner reports: its spec's and its status's. */
    public static List<Integer> replicas(Deployment deployment) {
        return Arrays.asList(deployment.getSpec() == null ? null : deployment.getSpec().getReplicas(),
                deployment.getStatus() == null ? null : deployment.getStatus().getReplicas(),
                deployment.getStatus() == null ? null : deployment.getStatus().getReadyReplicas());
    }

    /** The Deployment's {@code Available} condition; empty until the Deployment controller reports one. */
    public static Optional<Reported> reported(Deployment deployment) {
        return Optional.ofNullable(deployment.getStatus())
                .flatMap(status -> Optional.ofNullable(status.getConditions()))
                .flatMap(conditions -> conditions.stream().filter(c -> "Available".equals(c.getType())).findFirst())
                .map(c -> new Reported(c.getStatus(), c.getReason(), c.getMessage()));
    }
}
