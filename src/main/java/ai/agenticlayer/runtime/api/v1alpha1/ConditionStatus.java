package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The three values of a condition's status, spelled as Kubernetes spells them. */
public enum ConditionStatus {
    @JsonProperty("True")
    TRUE,
    @JsonProperty("False")
    FALSE,
    @JsonProperty("Unknown")
    UNKNOWN;

    /** As written in YAML: {@code True}, {@code False} or {@code Unknown}. */
    public String value() {
        return switch (this) {
            case TRUE -> "True";
            case FALSE -> "False";
            case UNKNOWN -> "Unknown";
        };
    }
}
