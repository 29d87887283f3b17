package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentTemplateImages {

    @JsonPropertyDescription("Template image for google-adk agents; empty means the operator's built-in image.")
    private String googleAdk;

    @JsonPropertyDescription("Template image for msaf agents; empty means the operator's built-in image.")
    private String msaf;

    public String getGoogleAdk() {
        return googleAdk;
    }

    public void setGoogleAdk(String googleAdk) {
        this.googleAdk = googleAdk;
    }

    public String getMsaf() {
        return msaf;
    }

    public void setMsaf(String msaf) {
        this.msaf = msaf;
    }
}
