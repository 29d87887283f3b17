package ai.agenticlayer.runtime.status;

import java.util.Objects;
import java.util.Optional;

import ai.agenticlayer.runtime.api.v1alpha1.Condition;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;

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

    /** The Deployment's {@code Available} condition; empty until the Deployment controller reports one. */
    public static Optional<Reported> reported(Deployment deployment) {
        return Optional.ofNullable(deployment.getStatus())
                .flatMap(status -> Optional.ofNullable(status.getConditions()))
                .flatMap(conditions -> conditions.stream().filter(c -> "Available".equals(c.getType())).findFirst())
                .map(c -> new Reported(c.getStatus(), c.getReason(), c.getMessage()));
    }
}
