package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;

/** MCP transport of a tool server; both are served over HTTP by a Deployment and a Service. */
public enum TransportType {
    /** Streamable HTTP, served on /mcp by default. */
    HTTP("http"),
    /** Server-sent events, served on /sse by default. */
    SSE("sse");

    private final String value;

    TransportType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
