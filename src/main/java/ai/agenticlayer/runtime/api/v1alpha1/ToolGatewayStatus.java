package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ToolGatewayStatus extends ConditionedStatus {

    @JsonPropertyDescription("Cluster-local base URL of the gateway, for example http://<name>.<namespace>.svc.cluster.local.")
    private String url;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }
}
