package ai.agenticlayer.runtime.common;

import java.util.Objects;
import java.util.Optional;

import ai.agenticlayer.runtime.api.v1alpha1.Condition;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;

/** The {@code Available} condition of an owner, mirroring its Deployment's own condition (Ready says nothing about pods). */
public final class DeploymentAvailability {

    private DeploymentAvailability() {
    }

    public static Condition of(Optional<Deployment> deployment, String name, Long generation) {
        if (deployment.isEmpty()) {
            return Conditions.condition(Conditions.AVAILABLE, false, "DeploymentMissing", "Deployment " + name + " does not exist",
                    generation);
        }
        Optional<DeploymentCondition> available = Optional.ofNullable(deployment.get().getStatus())
                .flatMap(status -> Optional.ofNullable(status.getConditions()))
                .flatMap(conditions -> conditions.stream().filter(c -> "Available".equals(c.getType())).findFirst());
        return available
                .map(c -> Conditions.condition(Conditions.AVAILABLE, "True".equals(c.getStatus()), c.getReason(),
                        Objects.toString(c.getMessage(), ""), generation))
                .orElseGet(() -> Conditions.condition(Conditions.AVAILABLE, ConditionStatus.UNKNOWN, "Pending",
                        "Deployment " + name + " has not reported availability yet", generation));
    }
}
