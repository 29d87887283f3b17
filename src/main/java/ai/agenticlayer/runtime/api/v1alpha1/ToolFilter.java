package ai.agenticlayer.runtime.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Glob filters on tool names ('*' any run of characters, '?' one character). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ToolFilter {

    @JsonPropertyDescription("Tools to offer; empty means all.")
    private List<String> allow;

    @JsonPropertyDescription("Tools to hide; applied after allow and wins over it.")
    private List<String> deny;

    public List<String> getAllow() {
        return allow;
    }

    public void setAllow(List<String> allow) {
        this.allow = allow;
    }

    public List<String> getDeny() {
        return deny;
    }

    public void setDeny(List<String> deny) {
        this.deny = deny;
    }
}
