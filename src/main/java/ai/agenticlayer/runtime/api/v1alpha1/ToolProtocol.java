package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;

/** Protocol a tool server speaks. */
public enum ToolProtocol {
    MCP("mcp");

    private final String value;

    ToolProtocol(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
