package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ToolServerStatus extends WorkloadStatus {

    @JsonPropertyDescription("Cluster-local URL of the MCP endpoint: http://<name>.<namespace>.svc.cluster.local:<port><path>.")
    private String url;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }
}
