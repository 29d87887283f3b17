package ai.agenticlayer.runtime.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Status of a kind whose status holds only conditions, and the base of every richer status. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConditionedStatus {

    @JsonPropertyDescription("Latest observations of the object's state.")
    private List<Condition> conditions;

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }
}
