package ai.agenticlayer.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

import ai.agenticlayer.runtime.api.Manifests;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.MockWebServer;

/**
 * The mock API server (CRUD mode, with server-side apply) as its own server, for an operator started as a separate
 * process from the packaged jar. It can be stopped and started again on the same port with the same content, to play
 * an API server outage.
 */
public final class StandaloneApiServer implements AutoCloseable {

    private final ApplyingCrudDispatcher dispatcher = new ApplyingCrudDispatcher();
    private KubernetesMockServer server;
    private int port;

    /** Starts on a free port, with the CRDs of kubernetes/crds installed. */
    public static StandaloneApiServer withCrds() {
        StandaloneApiServer apiServer = new StandaloneApiServer();
        apiServer.start(0);
        try (KubernetesClient client = apiServer.client()) {
            for (var file : Manifests.yamlFilesIn(Manifests.CRDS)) {
                client.resource(Serialization.unmarshal(readString(file), CustomResourceDefinition.class)).create();
            }
        }
        return apiServer;
    }

    private void start(int requestedPort) {
        server = new KubernetesMockServer(new io.fabric8.mockwebserver.Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init(InetAddress.getLoopbackAddress(), requestedPort);
        port = server.getPort();
    }

    /** Stops serving: clients get connection errors until {@link #restart()}. */
    public void stop() {
        server.destroy();
    }

    /** Serves again on the same port, with everything it held before. */
    public void restart() {
        start(port);
    }

    public String url(String host) {
        return "http://" + host + ":" + port;
    }

    public String url() {
        return url("localhost");
    }

    public ApplyingCrudDispatcher dispatcher() {
        return dispatcher;
    }

    public KubernetesClient client() {
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl(url()).withTrustCerts(true).withNamespace("default").build()).build();
    }

    @Override
    public void close() {
        server.destroy();
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
