package ai.agenticlayer.runtime.api.v1alpha1;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Labels and annotations to put on objects that an operator creates. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EmbeddedMetadata {

    @JsonPropertyDescription("Labels to add.")
    private Map<String, String> labels;

    @JsonPropertyDescription("Annotations to add.")
    private Map<String, String> annotations;

    public Map<String, String> getLabels() {
        return labels;
    }

    public void setLabels(Map<String, String> labels) {
        this.labels = labels;
    }

    public Map<String, String> getAnnotations() {
        return annotations;
    }

    public void setAnnotations(Map<String, String> annotations) {
        this.annotations = annotations;
    }
}
