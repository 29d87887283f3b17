package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.kubernetes.api.model.SecurityContext;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentRuntimeConfigurationSpec extends PodSettings {

    @JsonPropertyDescription("Framework of Agents that set none: google-adk or msaf. Built-in default: google-adk.")
    private TemplateFramework defaultFramework;

    @JsonPropertyDescription("Template images per framework, for Agents that set no image.")
    private AgentTemplateImages agentTemplateImages;

    @JsonPropertyDescription("Container security context for Agents that set none. Unset: allowPrivilegeEscalation "
            + "false, all capabilities dropped and the RuntimeDefault seccomp profile.")
    private SecurityContext securityContext;

    @JsonPropertyDescription("Which namespaces Agents may reference sub-agents, ToolServers, ToolRoutes and AiGateways in. "
            + "Unset: every namespace, as before.")
    private ReferencePolicy referencePolicy;

    public ReferencePolicy getReferencePolicy() {
        return referencePolicy;
    }

    public void setReferencePolicy(ReferencePolicy referencePolicy) {
        this.referencePolicy = referencePolicy;
    }

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

    public SecurityContext getSecurityContext() {
        return securityContext;
    }

    public void setSecurityContext(SecurityContext securityContext) {
        this.securityContext = securityContext;
    }
}
