package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;

/** When a guard runs relative to the guarded call. */
public enum GuardMode {
    PRE_CALL("pre_call"),
    POST_CALL("post_call"),
    DURING_CALL("during_call");

    private final String value;

    GuardMode(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
