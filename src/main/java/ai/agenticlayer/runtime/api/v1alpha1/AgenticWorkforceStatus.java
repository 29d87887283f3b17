package ai.agenticlayer.runtime.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgenticWorkforceStatus extends ObservedStatus {

    @JsonPropertyDescription("Every agent reachable from the entry points, sorted by namespace, name and URL.")
    private List<TransitiveAgent> transitiveAgents;

    @JsonPropertyDescription("Every tool those agents use, as toolroute:<ns>/<name>, toolserver:<ns>/<name> or external:<url>, sorted.")
    private List<String> transitiveTools;

    @JsonPropertyDescription("Agents of the cluster in the workforce that are Ready, of all of them, as <ready>/<total> (remote agents are not counted).")
    private String readyAgents;

    public List<TransitiveAgent> getTransitiveAgents() {
        return transitiveAgents;
    }

    public void setTransitiveAgents(List<TransitiveAgent> transitiveAgents) {
        this.transitiveAgents = transitiveAgents;
    }

    public List<String> getTransitiveTools() {
        return transitiveTools;
    }

    public void setTransitiveTools(List<String> transitiveTools) {
        this.transitiveTools = transitiveTools;
    }

    public String getReadyAgents() {
        return readyAgents;
    }

    public void setReadyAgents(String readyAgents) {
        this.readyAgents = readyAgents;
    }
}
