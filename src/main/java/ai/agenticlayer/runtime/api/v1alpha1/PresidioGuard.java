package ai.agenticlayer.runtime.api.v1alpha1;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PresidioGuard {

    @JsonPropertyDescription("Language of the analysed text; the implementation's default is en.")
    private String language;

    @Size(max = 64)
    @ValidationRule(value = "self.all(k, self[k].matches(r'^(0(\\.[0-9]+)?|1(\\.0+)?)$'))",
            message = "scoreThresholds values must be decimal numbers from 0.0 to 1.0, for example \"0.7\"")
    @JsonPropertyDescription("Score threshold per entity type, \"0.0\" to \"1.0\"; the key ALL sets the default.")
    private Map<String, @Size(max = 32) String> scoreThresholds;

    @Size(max = 64)
    @ValidationRule(value = "self.all(k, self[k] in ['MASK', 'BLOCK'])", message = "entityActions values must be MASK or BLOCK")
    @JsonPropertyDescription("MASK or BLOCK per entity type; unset means every detected entity is blocked.")
    private Map<String, String> entityActions;

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public Map<String, String> getScoreThresholds() {
        return scoreThresholds;
    }

    public void setScoreThresholds(Map<String, String> scoreThresholds) {
        this.scoreThresholds = scoreThresholds;
    }

    public Map<String, String> getEntityActions() {
        return entityActions;
    }

    public void setEntityActions(Map<String, String> entityActions) {
        this.entityActions = entityActions;
    }
}
