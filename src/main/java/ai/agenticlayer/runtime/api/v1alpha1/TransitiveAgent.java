package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Required;

/** An agent of a workforce: an Agent of the cluster (name and namespace) or a remote agent (name and URL). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TransitiveAgent {

    @Required
    @JsonPropertyDescription("Agent name; for a remote agent, the name its parent gives it.")
    private String name;

    @JsonPropertyDescription("Namespace of an Agent of the cluster.")
    private String namespace;

    @JsonPropertyDescription("Agent-card URL of a remote agent.")
    private String url;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }
}
