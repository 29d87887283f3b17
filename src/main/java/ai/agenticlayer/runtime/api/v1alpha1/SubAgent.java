package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ObjectReference;

/** An agent this agent may delegate to: another Agent of the cluster, or a remote agent by URL. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!(has(self.agentRef) && has(self.url))",
        message = "agentRef and url are mutually exclusive - specify exactly one")
@ValidationRule(value = "has(self.agentRef) || has(self.url)", message = "either agentRef or url must be specified")
@ValidationRule(value = "!has(self.agentRef) || (has(self.agentRef.name) && size(self.agentRef.name) > 0)",
        message = "agentRef.name must be specified")
public class SubAgent {

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Name under which the agent knows the sub-agent (a key of SUB_AGENTS).")
    private String name;

    @JsonPropertyDescription("An Agent of the cluster; its namespace defaults to this agent's. Exclusive with url.")
    private ObjectReference agentRef;

    @Size(max = 2048)
    @ValidationRule(value = "self.matches('^https?://[^ /?#]+([/?#][^ ]*)?$')",
            message = "url must be an http or https URL with a host, "
                    + "for example https://agent.example.com/.well-known/agent-card.json")
    @JsonPropertyDescription("Agent-card URL of a remote agent, for example "
            + "https://agent.example.com/.well-known/agent-card.json. Exclusive with agentRef.")
    private String url;

    @Default("tool_call")
    @JsonPropertyDescription("tool_call: the parent calls the sub-agent like a tool and keeps control; "
            + "transfer: the parent hands the conversation over.")
    private InteractionType interactionType;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ObjectReference getAgentRef() {
        return agentRef;
    }

    public void setAgentRef(ObjectReference agentRef) {
        this.agentRef = agentRef;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public InteractionType getInteractionType() {
        return interactionType;
    }

    public void setInteractionType(InteractionType interactionType) {
        this.interactionType = interactionType;
    }
}
