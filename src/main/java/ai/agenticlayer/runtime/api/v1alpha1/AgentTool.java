package ai.agenticlayer.runtime.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** An MCP tool server the agent may call. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentTool {

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Name of the tool set (a key of AGENT_TOOLS).")
    private String name;

    @Required
    @JsonPropertyDescription("Where the MCP server is: exactly one of toolRouteRef, toolServerRef or external.")
    private AgentToolUpstream upstream;

    @JsonPropertyDescription("Header names (case-insensitive) forwarded from inbound A2A requests to this MCP server.")
    private List<String> propagatedHeaders;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public AgentToolUpstream getUpstream() {
        return upstream;
    }

    public void setUpstream(AgentToolUpstream upstream) {
        this.upstream = upstream;
    }

    public List<String> getPropagatedHeaders() {
        return propagatedHeaders;
    }

    public void setPropagatedHeaders(List<String> propagatedHeaders) {
        this.propagatedHeaders = propagatedHeaders;
    }
}
