package ai.agenticlayer.runtime.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Which namespaces the Agents a configuration governs may reference objects in. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReferencePolicy {

    /** A namespace name, a prefix of one followed by {@code *}, or {@code *} for every namespace. */
    static final String NAMESPACE_PATTERN = "^([*]|[a-z0-9]([-a-z0-9]*[a-z0-9])?|[a-z0-9][-a-z0-9]*[*])$";
    static final int MAX_NAMESPACES = 64;

    @Size(max = MAX_NAMESPACES)
    // the items' maxLength (63, a namespace name's), which bounds this rule's cost, is set by CrdCompleter
    @ValidationRule(value = "self.all(n, n.matches('" + NAMESPACE_PATTERN + "'))",
            message = "each entry must be a namespace name, a prefix of one followed by '*' (team-*), or '*'")
    @JsonPropertyDescription("Namespaces whose sub-agents, ToolServers, ToolRoutes and AiGateways an Agent may reference, "
            + "besides its own: names, prefixes followed by '*' (team-*), or '*'. Unset: every namespace. Empty: only "
            + "its own. The operator namespace's configuration applies to every Agent; a namespace's configuration can "
            + "only narrow it: a reference must be allowed by both. URLs and the default AiGateway are not references.")
    private List<String> allowedNamespaces;

    public List<String> getAllowedNamespaces() {
        return allowedNamespaces;
    }

    public void setAllowedNamespaces(List<String> allowedNamespaces) {
        this.allowedNamespaces = allowedNamespaces;
    }
}
