package ai.agenticlayer.runtime.testing;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.MockWebServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the fabric8 mock API server in CRUD mode, with server-side apply ({@link ApplyingCrudDispatcher}), and points
 * the operator's client at it. Tests reach the dispatcher through {@link #dispatcher()} to count requests.
 */
public class MockApiServer implements QuarkusTestResourceLifecycleManager {

    private static volatile ApplyingCrudDispatcher dispatcher;
    private KubernetesMockServer server;

    public static ApplyingCrudDispatcher dispatcher() {
        return dispatcher;
    }

    @Override
    public Map<String, String> start() {
        dispatcher = new ApplyingCrudDispatcher();
        server = new KubernetesMockServer(new io.fabric8.mockwebserver.Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        return Map.of(
                "quarkus.kubernetes-client.api-server-url", server.url("/"),
                "quarkus.kubernetes-client.trust-certs", "true",
                "quarkus.kubernetes-client.namespace", "default");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.destroy();
        }
    }
}
