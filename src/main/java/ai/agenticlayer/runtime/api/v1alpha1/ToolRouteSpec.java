package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.ObjectReference;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ToolRouteSpec {

    @JsonPropertyDescription("The ToolGateway that hosts the route; namespace defaults to the route's. "
            + "Unset: the implementation may pick a default gateway.")
    private ObjectReference toolGatewayRef;

    @Required
    @JsonPropertyDescription("The MCP server behind the route: exactly one of toolServerRef or external.")
    private ToolRouteUpstream upstream;

    @JsonPropertyDescription("Which of the upstream's tools the route offers.")
    private ToolFilter toolFilter;

    public ObjectReference getToolGatewayRef() {
        return toolGatewayRef;
    }

    public void setToolGatewayRef(ObjectReference toolGatewayRef) {
        this.toolGatewayRef = toolGatewayRef;
    }

    public ToolRouteUpstream getUpstream() {
        return upstream;
    }

    public void setUpstream(ToolRouteUpstream upstream) {
        this.upstream = upstream;
    }

    public ToolFilter getToolFilter() {
        return toolFilter;
    }

    public void setToolFilter(ToolFilter toolFilter) {
        this.toolFilter = toolFilter;
    }
}
