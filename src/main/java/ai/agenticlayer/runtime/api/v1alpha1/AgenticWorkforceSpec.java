package ai.agenticlayer.runtime.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ObjectReference;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgenticWorkforceSpec {

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Human-readable name.")
    private String name;

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("What the workforce is for.")
    private String description;

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Who owns it, for example an e-mail address.")
    private String owner;

    @JsonPropertyDescription("Free-form tags.")
    private List<String> tags;

    @Required
    @Size(min = 1, max = 100)
    @ValidationRule(value = "self.all(a, has(a.name) && size(a.name) > 0)", message = "every entryPointAgents[] entry must have a name")
    @JsonPropertyDescription("The Agents users talk to; namespace defaults to the workforce's.")
    private List<ObjectReference> entryPointAgents;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }

    public List<ObjectReference> getEntryPointAgents() {
        return entryPointAgents;
    }

    public void setEntryPointAgents(List<ObjectReference> entryPointAgents) {
        this.entryPointAgents = entryPointAgents;
    }
}
