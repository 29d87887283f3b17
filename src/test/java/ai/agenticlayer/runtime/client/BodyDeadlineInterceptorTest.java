package ai.agenticlayer.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The operator's client against a server that closes the connection after the head of its answer and part of the body.
 * fabric8 7.3.1's Vert.x client alone waits for the rest forever; with {@link BodyDeadlineInterceptor} the request
 * fails once the deadline (twice the request timeout) has passed.
 */
class BodyDeadlineInterceptorTest {

    private static final String CONFIG_MAP = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\",\"namespace\":\"x\"}}";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);

    @Test
    void anAnswerCutAfterItsHeadFailsTheRequestInsteadOfHangingIt() throws IOException {
        String head = "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: " + CONFIG_MAP.length() + "\r\n\r\n";
        try (OneAnswerServer server = new OneAnswerServer(head + CONFIG_MAP.substring(0, 20)); KubernetesClient client = client(server)) {
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> apply(client))
                    .isInstanceOf(KubernetesClientException.class).rootCause()
                    .hasMessageContaining("The response to PATCH /api/v1/namespaces/x/configmaps/c stopped: its body did not end within 2 s"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void aChunkedAnswerCutMidChunkFailsTheRequestToo() throws IOException {
        String head = "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        String firstChunk = Integer.toHexString(20) + "\r\n" + CONFIG_MAP.substring(0, 20) + "\r\n";
        try (OneAnswerServer server = new OneAnswerServer(head + firstChunk); KubernetesClient client = client(server)) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> apply(client))
                    .isInstanceOf(KubernetesClientException.class).rootCause().hasMessageContaining("did not end within 2 s"));
        }
    }

    @Test
    void aWholeAnswerIsReadAsBefore() throws IOException {
        String answer = "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: " + CONFIG_MAP.length() + "\r\n\r\n" + CONFIG_MAP;
        try (OneAnswerServer server = new OneAnswerServer(answer); KubernetesClient client = client(server)) {
            ConfigMap applied = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> apply(client));
            assertThat(applied.getMetadata().getName()).isEqualTo("c");
        }
    }

    private static ConfigMap apply(KubernetesClient client) {
        return client.configMaps().inNamespace("x").resource(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build())
                .fieldManager("test").serverSideApply();
    }

    private static KubernetesClient client(OneAnswerServer server) {
        return new KubernetesClientProducer().kubernetesClient(new KubernetesSerialization(),
                new ConfigBuilder().withMasterUrl(server.url()).withRequestTimeout((int) REQUEST_TIMEOUT.toMillis()).withRequestRetryBackoffLimit(0).build());
    }

    /** Answers every connection with the same bytes, then closes it. */
    private static final class OneAnswerServer implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());

        OneAnswerServer(String answer) throws IOException {
            Thread thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        readHead(connection.getInputStream());
                        OutputStream out = connection.getOutputStream();
                        out.write(answer.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "one-answer-server");
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        /** The request head; its body (the apply) is left unread, as the answer does not depend on it. */
        private static void readHead(InputStream in) throws IOException {
            int matched = 0;
            byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            for (int b = in.read(); b >= 0 && matched < end.length; b = in.read()) {
                matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
