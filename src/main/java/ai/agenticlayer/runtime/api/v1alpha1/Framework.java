package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;

/** Agent framework. The template frameworks have an image the operator can pick; {@code custom} needs an image. */
public enum Framework {
    GOOGLE_ADK("google-adk"),
    MSAF("msaf"),
    CUSTOM("custom");

    private final String value;

    Framework(String value) {
        this.value = value;
    }

    /** The name used in the API, in labels and in the environment. */
    @JsonValue
    public String value() {
        return value;
    }
}
