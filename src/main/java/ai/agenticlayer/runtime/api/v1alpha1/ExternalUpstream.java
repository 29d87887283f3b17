package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** An MCP server outside the cluster, reached directly by URL. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExternalUpstream {

    @Required
    @Pattern(HttpUrl.PATTERN)
    @JsonPropertyDescription("URL of the remote MCP server, for example https://mcp.example.com/mcp.")
    private String url;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }
}
