package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;

/** A framework with a template image: the only ones that can be a default, since custom needs an image. */
public enum TemplateFramework {
    GOOGLE_ADK(Framework.GOOGLE_ADK),
    MSAF(Framework.MSAF);

    private final Framework framework;

    TemplateFramework(Framework framework) {
        this.framework = framework;
    }

    public Framework framework() {
        return framework;
    }

    @JsonValue
    public String value() {
        return framework.value();
    }
}
