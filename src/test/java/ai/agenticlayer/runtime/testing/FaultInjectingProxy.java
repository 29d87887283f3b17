package ai.agenticlayer.runtime.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A loopback proxy between the operator and a real API server that misbehaves on request: it answers chosen requests
 * with an error (500, 503, 429 with {@code Retry-After}, 409), drops their connection before answering, cuts it in the
 * middle of the answer, delays them, and closes open connections (watches among them). Everything else passes through
 * byte for byte, websocket watches included, so the operator's client does what it does against the API server itself.
 * <p>
 * The operator speaks plain HTTP to the proxy, which speaks TLS to the API server; each connection carries one request
 * ({@code Connection: close}), so that each request can be told apart and faulted. The proxy records every request it
 * saw, with the status the client got.
 */
public final class FaultInjectingProxy implements AutoCloseable {

    /** The request line and headers of a request, as the proxy read them. */
    public record RequestHead(String method, String target, Map<String, String> headers) {

        public String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        public boolean isWatch() {
            return target.contains("watch=true") || headers.containsKey("upgrade");
        }

        public boolean isWrite() {
            return !method.equals("GET") && !method.equals("HEAD");
        }
    }

    /** A request the proxy saw: when, what, and the status the client got ({@code -1}: no answer, the connection dropped). */
    public record Seen(Instant at, RequestHead head, int status, boolean injected) {
    }

    /** What the proxy does to a request instead of passing it on at once. */
    public sealed interface Fault {

        /** An error status with a Kubernetes Status body; {@code retryAfterSeconds} > 0 adds a Retry-After header. */
        record Respond(int status, int retryAfterSeconds) implements Fault {
        }

        /** The connection is closed before any answer, as when the API server or the network goes away. */
        record Drop() implements Fault {
        }

        /** The request passes through after a delay. */
        record Delay(Duration delay) implements Fault {
        }

        /**
         * The request reaches the API server, but the connection is closed after the head of its answer and part of the
         * body, as when the API server restarts or a load balancer cuts the connection mid-answer.
         */
        record CutBody() implements Fault {
        }
    }

    private record Rule(Predicate<RequestHead> applies, Fault fault) {
    }

    private volatile URI upstream;
    private final SSLSocketFactory tls;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fault-injecting-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<Socket, RequestHead> open = new ConcurrentHashMap<>();

    private FaultInjectingProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.tls = trustingEveryCertificate();
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** A proxy to the API server at {@code upstreamUrl} (https). */
    public static FaultInjectingProxy to(String upstreamUrl) {
        try {
            return new FaultInjectingProxy(URI.create(upstreamUrl));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** From now on, requests that {@code applies} matches get {@code fault}; the first matching rule wins. */
    public FaultInjectingProxy inject(Predicate<RequestHead> applies, Fault fault) {
        rules.add(new Rule(applies, fault));
        return this;
    }

    /** From now on, requests go to the API server at {@code upstreamUrl} (one restarted on another port, say). */
    public void retarget(String upstreamUrl) {
        upstream = URI.create(upstreamUrl);
    }

    /** Ends every fault: requests pass through again. */
    public void heal() {
        rules.clear();
    }

    /** Closes the open connections of the requests that {@code which} matches (watches, say), as a load balancer does. */
    public int closeConnections(Predicate<RequestHead> which) {
        int closed = 0;
        for (Map.Entry<Socket, RequestHead> connection : open.entrySet()) {
            if (which.test(connection.getValue())) {
                closeQuietly(connection.getKey());
                closed++;
            }
        }
        return closed;
    }

    /** Every request seen so far, in the order they arrived. */
    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        Instant at = Instant.now();
        try (client) {
            InputStream fromClient = new java.io.BufferedInputStream(client.getInputStream());
            byte[] rawHead = readHead(fromClient);
            if (rawHead == null) {
                return;
            }
            RequestHead head = parse(rawHead);
            Optional<Fault> fault = rules.stream().filter(rule -> rule.applies().test(head)).map(Rule::fault).findFirst();
            if (fault.isPresent() && fault.get() instanceof Fault.Respond respond) {
                client.getOutputStream().write(errorResponse(respond));
                seen.add(new Seen(at, head, respond.status(), true));
                return;
            }
            if (fault.isPresent() && fault.get() instanceof Fault.Drop) {
                seen.add(new Seen(at, head, -1, true));
                return;
            }
            if (fault.isPresent() && fault.get() instanceof Fault.Delay delay) {
                Thread.sleep(delay.delay().toMillis());
            }
            forward(client, fromClient, head, rawHead, at, fault.orElse(null));
        } catch (IOException e) {
            // the client or the API server went away: so does this connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forward(Socket client, InputStream fromClient, RequestHead head, byte[] rawHead, Instant at, Fault fault) throws IOException {
        try (Socket apiServer = tls.createSocket(upstream.getHost(), upstream.getPort())) {
            open.put(client, head);
            OutputStream toApiServer = apiServer.getOutputStream();
            toApiServer.write(oneRequestPerConnection(rawHead, head));
            toApiServer.flush();
            threads.execute(() -> pipe(fromClient, toApiServer));
            InputStream fromApiServer = apiServer.getInputStream();
            OutputStream toClient = client.getOutputStream();
            byte[] buffer = new byte[16384];
            int read = fromApiServer.read(buffer);
            seen.add(new Seen(at, head, read > 12 ? statusOf(buffer) : -1, fault != null));
            if (fault instanceof Fault.CutBody) {
                toClient.write(headAndPartOfBody(fromApiServer, buffer, read));
                toClient.flush();
                return;
            }
            while (read >= 0) {
                toClient.write(buffer, 0, read);
                toClient.flush();
                read = fromApiServer.read(buffer);
            }
        } finally {
            open.remove(client);
        }
    }

    /** The head of an answer and half of the body bytes that came with it (at least one, at most 64). */
    private static byte[] headAndPartOfBody(InputStream fromApiServer, byte[] first, int length) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        answer.write(first, 0, length);
        int headEnd;
        while ((headEnd = answer.toString(StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n")) < 0 || answer.size() <= headEnd + 4) {
            byte[] more = new byte[16384];
            int read = fromApiServer.read(more);
            if (read < 0) {
                throw new IOException("The API server closed before the body of its answer");
            }
            answer.write(more, 0, read);
        }
        int bodyBytes = answer.size() - (headEnd + 4);
        return Arrays.copyOf(answer.toByteArray(), headEnd + 4 + Math.max(1, Math.min(64, bodyBytes / 2)));
    }

    /** The request body, or a websocket's frames, from the client to the API server until either side closes. */
    private static void pipe(InputStream fromClient, OutputStream toApiServer) {
        try {
            byte[] buffer = new byte[16384];
            for (int read = fromClient.read(buffer); read >= 0; read = fromClient.read(buffer)) {
                toApiServer.write(buffer, 0, read);
                toApiServer.flush();
            }
        } catch (IOException e) {
            // closed by the other direction
        }
    }

    private static int statusOf(byte[] response) {
        // "HTTP/1.1 200 OK"
        return Integer.parseInt(new String(response, 9, 3, StandardCharsets.US_ASCII));
    }

    /** The head with Connection: close, except for a websocket upgrade, which holds its connection for its frames. */
    private static byte[] oneRequestPerConnection(byte[] rawHead, RequestHead head) {
        if (head.headers().containsKey("upgrade")) {
            return rawHead;
        }
        String text = new String(rawHead, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n");
        StringBuilder rewritten = new StringBuilder(lines[0]).append("\r\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isEmpty() && !lines[i].toLowerCase(Locale.ROOT).startsWith("connection:")) {
                rewritten.append(lines[i]).append("\r\n");
            }
        }
        rewritten.append("Connection: close\r\n\r\n");
        return rewritten.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] errorResponse(Fault.Respond respond) {
        String reason = switch (respond.status()) {
            case 409 -> "Conflict";
            case 429 -> "TooManyRequests";
            case 503 -> "ServiceUnavailable";
            default -> "InternalError";
        };
        String body = """
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"injected by the test proxy",\
                "reason":"%s","code":%d}""".formatted(reason, respond.status());
        StringBuilder response = new StringBuilder("HTTP/1.1 ").append(respond.status()).append(' ').append(reason).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                .append("Connection: close\r\n");
        if (respond.retryAfterSeconds() > 0) {
            response.append("Retry-After: ").append(respond.retryAfterSeconds()).append("\r\n");
        }
        return response.append("\r\n").append(body).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes up to and including the empty line that ends the head; null when the client closed first. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int next = in.read();
            if (next < 0) {
                return null;
            }
            head.write(next);
            matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
        }
        return head.toByteArray();
    }

    private static RequestHead parse(byte[] rawHead) {
        String[] lines = new String(rawHead, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new java.util.HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return new RequestHead(requestLine[0], requestLine[1], headers);
    }

    /** The API server's certificate is kube-api-test's own, made for loopback: the tests trust it as it is. */
    private static SSLSocketFactory trustingEveryCertificate() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] { new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            } }, new SecureRandom());
            return context.getSocketFactory();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        new ArrayList<>(open.keySet()).forEach(FaultInjectingProxy::closeQuietly);
        threads.shutdownNow();
    }
}
