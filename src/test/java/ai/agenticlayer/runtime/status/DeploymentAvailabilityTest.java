package ai.agenticlayer.runtime.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.AgentStatus;
import ai.agenticlayer.runtime.api.v1alpha1.Condition;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

/** What an owner reports of its Deployment: the Available condition as the Deployment controller sets it, and its pods. */
class DeploymentAvailabilityTest {

    /** A Deployment of 3 replicas the Deployment controller has not reported on yet (no status). */
    private static DeploymentBuilder created() {
        return new DeploymentBuilder()
                .withNewMetadata().withName("weather").withNamespace("team-a").endMetadata()
                .withNewSpec().withReplicas(3).withNewSelector().addToMatchLabels("app", "weather")
                .addToMatchLabels("agent", "weather").endSelector().endSpec();
    }

    private static Deployment reporting(String available, String reason, String message) {
        return created().withNewStatus().withReplicas(2).withReadyReplicas(1)
                .addNewCondition().withType("Progressing").withStatus("True").withReason("NewReplicaSetAvailable").endCondition()
                .addNewCondition().withType("Available").withStatus(available).withReason(reason).withMessage(message).endCondition()
                .endStatus().build();
    }

    @Test
    void aMissingDeploymentIsNotAvailableAndSaysSo() {
        Condition available = DeploymentAvailability.of(Optional.empty(), "weather", 4L);

        assertThat(available.getType()).isEqualTo("Available");
        assertThat(available.getStatus()).isEqualTo(ConditionStatus.FALSE);
        assertThat(available.getReason()).isEqualTo("DeploymentMissing");
        assertThat(available.getMessage()).isEqualTo("Deployment weather does not exist");
        assertThat(available.getObservedGeneration()).isEqualTo(4L);
    }

    @Test
    void availabilityIsUnknownUntilTheDeploymentControllerReportsIt() {
        Condition available = DeploymentAvailability.of(Optional.of(created().build()), "weather", 1L);

        assertThat(available.getStatus()).isEqualTo(ConditionStatus.UNKNOWN);
        assertThat(available.getReason()).isEqualTo("Pending");
        assertThat(available.getMessage()).isEqualTo("Deployment weather has not reported availability yet");
    }

    @Test
    void theDeploymentsOwnConditionIsMirrored() {
        Condition unavailable = DeploymentAvailability.of(Optional.of(reporting("False", "MinimumReplicasUnavailable",
                "Deployment does not have minimum availability.")), "weather", 2L);
        Condition available = DeploymentAvailability.of(Optional.of(reporting("True", "MinimumReplicasAvailable", null)),
                "weather", 2L);

        assertThat(unavailable.getStatus()).isEqualTo(ConditionStatus.FALSE);
        assertThat(unavailable.getReason()).isEqualTo("MinimumReplicasUnavailable");
        assertThat(unavailable.getMessage()).isEqualTo("Deployment does not have minimum availability.");
        assertThat(available.getStatus()).isEqualTo(ConditionStatus.TRUE);
        assertThat(available.getReason()).isEqualTo("MinimumReplicasAvailable");
        assertThat(available.getMessage()).as("a condition's message is never null in the schema").isEmpty();
        assertThat(available.getObservedGeneration()).isEqualTo(2L);
    }

    @Test
    void theStatusReportsTheDeploymentsReplicasAndSelector() {
        AgentStatus status = new AgentStatus();
        DeploymentAvailability.reportReplicas(status, Optional.of(reporting("False", "MinimumReplicasUnavailable", "")));

        assertThat(status.getReplicas()).isEqualTo(2);
        assertThat(status.getReadyReplicas()).isEqualTo(1);
        assertThat(status.getPods()).isEqualTo("1/3");
        assertThat(status.getSelector()).as("sorted, so that it reads the same on every reconcile").isEqualTo("agent=weather,app=weather");
    }

    @Test
    void aDeploymentWithoutStatusHasNoPodsYet() {
        AgentStatus status = new AgentStatus();
        DeploymentAvailability.reportReplicas(status, Optional.of(created().build()));

        assertThat(status.getReplicas()).isZero();
        assertThat(status.getReadyReplicas()).isZero();
        assertThat(status.getPods()).isEqualTo("0/3");
    }

    @Test
    void withoutADeploymentNothingIsReported() {
        AgentStatus status = new AgentStatus();
        DeploymentAvailability.reportReplicas(status, Optional.empty());

        assertThat(status.getPods()).isNull();
        assertThat(status.getSelector()).isNull();
        assertThat(status.getReplicas()).isNull();
    }
}
