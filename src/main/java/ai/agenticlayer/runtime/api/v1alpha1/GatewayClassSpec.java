package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Spec shared by AgentGatewayClass, AiGatewayClass and ToolGatewayClass. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewayClassSpec {

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Name of the controller that implements gateways of this class, by convention <domain>/<name>.")
    private String controller;

    public String getController() {
        return controller;
    }

    public void setController(String controller) {
        this.controller = controller;
    }
}
