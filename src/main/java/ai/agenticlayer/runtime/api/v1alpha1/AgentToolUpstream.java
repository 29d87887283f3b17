package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ObjectReference;

/** Where a tool's MCP server is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "(has(self.toolRouteRef) ? 1 : 0) + (has(self.toolServerRef) ? 1 : 0) + (has(self.external) ? 1 : 0) == 1",
        message = "exactly one of toolRouteRef, toolServerRef, or external must be set")
@ValidationRule(value = "!has(self.toolRouteRef) || (has(self.toolRouteRef.name) && size(self.toolRouteRef.name) > 0)",
        message = "toolRouteRef.name must be set")
@ValidationRule(value = "!has(self.toolServerRef) || (has(self.toolServerRef.name) && size(self.toolServerRef.name) > 0)",
        message = "toolServerRef.name must be set")
public class AgentToolUpstream {

    @JsonPropertyDescription("A ToolRoute (through a ToolGateway); namespace defaults to the agent's. The agent uses its status.url.")
    private ObjectReference toolRouteRef;

    @JsonPropertyDescription("A ToolServer, reached directly without a gateway; namespace defaults to the agent's.")
    private ObjectReference toolServerRef;

    @JsonPropertyDescription("A remote MCP server by URL.")
    private ExternalUpstream external;

    public ObjectReference getToolRouteRef() {
        return toolRouteRef;
    }

    public void setToolRouteRef(ObjectReference toolRouteRef) {
        this.toolRouteRef = toolRouteRef;
    }

    public ObjectReference getToolServerRef() {
        return toolServerRef;
    }

    public void setToolServerRef(ObjectReference toolServerRef) {
        this.toolServerRef = toolServerRef;
    }

    public ExternalUpstream getExternal() {
        return external;
    }

    public void setExternal(ExternalUpstream external) {
        this.external = external;
    }
}
