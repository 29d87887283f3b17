package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.kubernetes.model.annotation.LabelSelector;
import io.fabric8.kubernetes.model.annotation.StatusReplicas;

/**
 * Status of a kind that runs its pods through a Deployment (Agent, ToolServer): what the {@code scale} subresource
 * reads, so that {@code kubectl scale} and a HorizontalPodAutoscaler can aim at the object itself.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WorkloadStatus extends ObservedStatus {

    @StatusReplicas
    @JsonPropertyDescription("Pods of the Deployment (its status.replicas).")
    private Integer replicas;

    @JsonPropertyDescription("Ready pods of the Deployment (its status.readyReplicas).")
    private Integer readyReplicas;

    @LabelSelector
    @JsonPropertyDescription("Label selector of the pods, in the string form a HorizontalPodAutoscaler reads.")
    private String selector;

    @JsonPropertyDescription("Ready pods over the replicas the Deployment wants, as kubectl get deployment shows them.")
    private String pods;

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public Integer getReadyReplicas() {
        return readyReplicas;
    }

    public void setReadyReplicas(Integer readyReplicas) {
        this.readyReplicas = readyReplicas;
    }

    public String getSelector() {
        return selector;
    }

    public void setSelector(String selector) {
        this.selector = selector;
    }

    public String getPods() {
        return pods;
    }

    public void setPods(String pods) {
        this.pods = pods;
    }
}
