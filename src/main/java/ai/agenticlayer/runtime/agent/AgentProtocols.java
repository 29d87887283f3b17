package ai.agenticlayer.runtime.agent;

import java.util.List;
import java.util.Optional;

import ai.agenticlayer.runtime.api.v1alpha1.AgentProtocol;
import ai.agenticlayer.runtime.api.v1alpha1.AgentSpec;
import ai.agenticlayer.runtime.api.v1alpha1.ProtocolType;

/** The protocols an Agent serves, with the defaults the original operator's webhook filled in. */
public final class AgentProtocols {

    public static final int DEFAULT_PORT = 8000;

    /** A protocol with every default applied. */
    public record Protocol(String name, ProtocolType type, int port, String path) {
    }

    private AgentProtocols() {
    }

    /** No protocols means one A2A protocol on port 8000; an unset port is 8000 and an unset name {@code a2a-<port>}. */
    public static List<Protocol> of(AgentSpec spec) {
        List<AgentProtocol> declared = spec == null ? null : spec.getProtocols();
        if (declared == null || declared.isEmpty()) {
            return List.of(effective(new AgentProtocol()));
        }
        return declared.stream().map(AgentProtocols::effective).toList();
    }

    /** The first A2A protocol: it gives the agent's URL and readiness probe. */
    public static Optional<Protocol> firstA2a(List<Protocol> protocols) {
        return protocols.stream().filter(p -> p.type() == ProtocolType.A2A).findFirst();
    }

    private static Protocol effective(AgentProtocol protocol) {
        ProtocolType type = protocol.getType() == null ? ProtocolType.A2A : protocol.getType();
        int port = protocol.getPort() == null || protocol.getPort() == 0 ? DEFAULT_PORT : protocol.getPort();
        String name = protocol.getName() == null || protocol.getName().isEmpty()
                ? AgentNaming.sanitizeForPortName(type.name()) + "-" + port
                : protocol.getName();
        return new Protocol(name, type, port, protocol.getPath() == null ? "" : protocol.getPath());
    }
}
