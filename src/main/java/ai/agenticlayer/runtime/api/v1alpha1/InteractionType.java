package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a parent agent involves a sub-agent. */
public enum InteractionType {
    /** The parent calls the sub-agent like a tool and keeps control of the conversation. */
    TOOL_CALL("tool_call"),
    /** The parent hands the conversation over to the sub-agent. */
    TRANSFER("transfer");

    private final String value;

    InteractionType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
