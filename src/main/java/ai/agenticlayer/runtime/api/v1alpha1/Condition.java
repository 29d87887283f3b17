package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * A status condition with the schema of Kubernetes' {@code metav1.Condition}, so that the generated CRDs carry the
 * same bounds and patterns as those of the original operator.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Condition {

    @Required
    @Size(max = 316)
    @Pattern("^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$")
    @JsonPropertyDescription("Type of condition in CamelCase, for example Ready.")
    private String type;

    @Required
    @JsonPropertyDescription("Status of the condition: True, False or Unknown.")
    private ConditionStatus status;

    @Min(0)
    @JsonPropertyDescription("The .metadata.generation that the condition was set based upon.")
    private Long observedGeneration;

    @Required
    @JsonPropertyDescription("Last time the condition transitioned from one status to another (RFC 3339).")
    private String lastTransitionTime;

    @Required
    @Size(min = 1, max = 1024)
    @Pattern("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$")
    @JsonPropertyDescription("Programmatic identifier in CamelCase for the condition's last transition.")
    private String reason;

    @Required
    @Size(max = 32768)
    @JsonPropertyDescription("Human readable message with details about the transition; may be empty.")
    private String message;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public ConditionStatus getStatus() {
        return status;
    }

    public void setStatus(ConditionStatus status) {
        this.status = status;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public String getLastTransitionTime() {
        return lastTransitionTime;
    }

    public void setLastTransitionTime(String lastTransitionTime) {
        this.lastTransitionTime = lastTransitionTime;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
