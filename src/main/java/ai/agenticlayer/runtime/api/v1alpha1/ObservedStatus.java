package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Status of a kind this operator reconciles: conditions plus the generation they describe. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ObservedStatus extends ConditionedStatus {

    @JsonPropertyDescription("The metadata.generation that this status describes.")
    private Long observedGeneration;

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }
}
