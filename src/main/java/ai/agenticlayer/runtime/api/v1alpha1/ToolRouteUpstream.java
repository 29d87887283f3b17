package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ObjectReference;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "(has(self.toolServerRef) ? 1 : 0) + (has(self.external) ? 1 : 0) == 1",
        message = "exactly one of toolServerRef or external must be set")
@ValidationRule(value = "!has(self.toolServerRef) || (has(self.toolServerRef.name) && size(self.toolServerRef.name) > 0)",
        message = "toolServerRef.name must be set")
public class ToolRouteUpstream {

    @JsonPropertyDescription("A ToolServer of the cluster; namespace defaults to the route's.")
    private ObjectReference toolServerRef;

    @JsonPropertyDescription("A remote MCP server by URL.")
    private ExternalUpstream external;

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
