package ai.agenticlayer.runtime.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A protocol the agent serves; each becomes a container port and a Service port. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentProtocol {

    @JsonPropertyDescription("Port name; unset or empty means <type>-<port> in lower case, for example a2a-8000.")
    private String name;

    @Required
    @Default("A2A")
    @JsonPropertyDescription("Protocol type. A2A serves JSON-RPC and the agent card at <path>/.well-known/agent-card.json.")
    private ProtocolType type;

    @Min(1)
    @Max(65535)
    @Default("8000")
    @JsonPropertyDescription("Container and Service port.")
    private Integer port;

    @Pattern("^/[a-zA-Z0-9/_-]*$")
    @JsonPropertyDescription("Path prefix under which the protocol is served; empty means the root.")
    private String path;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ProtocolType getType() {
        return type;
    }

    public void setType(ProtocolType type) {
        this.type = type;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
