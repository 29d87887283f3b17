package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentRuntimeConfigurationSpec {

    @JsonPropertyDescription("Framework of Agents that set none: google-adk or msaf. Built-in default: google-adk.")
    private TemplateFramework defaultFramework;

    @JsonPropertyDescription("Template images per framework, for Agents that set no image.")
    private AgentTemplateImages agentTemplateImages;

    public TemplateFramework getDefaultFramework() {
        return defaultFramework;
    }

    public void setDefaultFramework(TemplateFramework defaultFramework) {
        this.defaultFramework = defaultFramework;
    }

    public AgentTemplateImages getAgentTemplateImages() {
        return agentTemplateImages;
    }

    public void setAgentTemplateImages(AgentTemplateImages agentTemplateImages) {
        this.agentTemplateImages = agentTemplateImages;
    }
}
