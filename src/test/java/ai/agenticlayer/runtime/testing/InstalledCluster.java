package ai.agenticlayer.runtime.testing;

import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A real API server with the CRDs and the shipped install manifest applied, shared by the tests of one class: started
 * before the first, stopped after the last. Register it as {@code @RegisterExtension static final InstalledCluster}.
 */
public final class InstalledCluster implements BeforeAllCallback, AfterAllCallback {

    private final String name;
    private final Map<String, String> apiServerFlags;
    private RealApiServer apiServer;
    private KubernetesClient client;
    private InstalledOperator installed;

    private InstalledCluster(String name, Map<String, String> apiServerFlags) {
        this.name = name;
        this.apiServerFlags = apiServerFlags;
    }

    public static InstalledCluster named(String name) {
        return new InstalledCluster(name, Map.of());
    }

    /** With kube-apiserver flags of the tests' own, say to serve watches from etcd. */
    public static InstalledCluster named(String name, Map<String, String> apiServerFlags) {
        return new InstalledCluster(name, apiServerFlags);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        apiServer = RealApiServer.withCrds(name, apiServerFlags);
        client = apiServer.adminClient();
        installed = InstalledOperator.installShippedManifest(apiServer);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // null when beforeAll failed half-way: whatever started must stop all the same
        if (client != null) {
            client.close();
        }
        if (apiServer != null) {
            apiServer.close();
        }
    }

    public RealApiServer apiServer() {
        return apiServer;
    }

    /** A cluster admin's client. */
    public KubernetesClient client() {
        return client;
    }

    /** The operator as {@code kubernetes/install.yaml} installs it, ready to start. */
    public InstalledOperator installed() {
        return installed;
    }
}
