package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.VolumeMount;

/**
 * A container VolumeMount whose name is bounded as Kubernetes bounds volume names (a DNS label, at most 63
 * characters). The API server prices the CEL rule that matches mounts to volumes by the longest name it could meet;
 * unbounded, that estimate exceeds its budget and the CRD would be refused.
 */
public class AgentVolumeMount extends VolumeMount {

    @Override
    @JsonProperty("name")
    @Size(max = 63)
    public String getName() {
        return super.getName();
    }
}
