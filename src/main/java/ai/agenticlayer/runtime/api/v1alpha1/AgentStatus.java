package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.kubernetes.api.model.ObjectReference;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentStatus extends WorkloadStatus {

    @JsonPropertyDescription("Cluster-local agent-card URL of the first A2A protocol: "
            + "http://<name>.<namespace>.svc.cluster.local:<port><path>/.well-known/agent-card.json.")
    private String url;

    @JsonPropertyDescription("The AiGateway the agent uses, if any.")
    private ObjectReference aiGatewayRef;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public ObjectReference getAiGatewayRef() {
        return aiGatewayRef;
    }

    public void setAiGatewayRef(ObjectReference aiGatewayRef) {
        this.aiGatewayRef = aiGatewayRef;
    }
}
