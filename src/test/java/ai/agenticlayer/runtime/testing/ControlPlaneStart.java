package ai.agenticlayer.runtime.testing;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;

/**
 * Starts etcd and kube-apiserver for a {@link RealApiServer}, their output kept under its work directory
 * ({@link ControlPlaneLogs}). A start fails as soon as either process exits (kube-api-test would poll the dead server
 * until its one-minute timeout), is stopped (kube-api-test leaves etcd running after a failed start), and is made again,
 * up to {@value #ATTEMPTS} times: nothing of the code under test runs before the server is up, so what fails a start
 * is the machine (a port taken between kube-api-test's check and the process's bind, a full temporary directory, a
 * starved etcd) or the flags a test passes, which fail every attempt alike. Each failure is printed with the last lines
 * of both processes' output and the free space where etcd keeps its data.
 */
final class ControlPlaneStart {

    static final int ATTEMPTS = 3;
    private static final long POLL_MILLIS = 100;

    private ControlPlaneStart() {
    }

    static KubeAPIServer start(KubeAPIServerConfigBuilder config, Path workDir, boolean installed, String testDir) {
        for (int attempt = 1;; attempt++) {
            KubeAPIServer server = new KubeAPIServer(config.build());
            RealApiServer.deleteRecursively(workDir.resolve("audit.log")); // what a failed start's server audited is not the test's
            ControlPlaneLogs.mark(workDir, "--- start " + attempt + " at " + Instant.now());
            try {
                startWatchingExits(server, workDir);
                return server;
            } catch (RuntimeException e) {
                stopQuietly(server);
                if (!installed) {
                    throw new IllegalStateException("""
                            Could not start a real kube-apiserver for the tests: no binaries in %s/k8s/<version>-<os>-<arch>, and
                            kube-api-test could not download them. Provide them with `../shared/k8s/install %s` (this repository's
                            CI does), or set KUBE_API_TEST_DIR to a directory laid out that way, or run with internet access."""
                            .formatted(testDir, testDir), e);
                }
                String failure = "start %d of %d of etcd and kube-apiserver (%s) failed: %s; %d MiB free in %s%n%s".formatted(
                        attempt, ATTEMPTS, workDir.getFileName(), e.getMessage(), freeMiB(), System.getProperty("java.io.tmpdir"),
                        ControlPlaneLogs.tails(workDir));
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException(failure, e);
                }
                System.err.println(failure + "\nstarting again");
            }
        }
    }

    /** kube-api-test's start, on a thread of its own so that the exit of either process ends the wait at once. */
    private static void startWatchingExits(KubeAPIServer server, Path workDir) {
        CompletableFuture<Void> started = new CompletableFuture<>();
        AtomicBoolean abandoned = new AtomicBoolean();
        Thread starter = new Thread(() -> {
            try {
                ControlPlaneLogs.during(workDir, server::start);
                started.complete(null);
            } catch (RuntimeException e) {
                started.completeExceptionally(e);
            } finally {
                if (abandoned.get()) {
                    stopQuietly(server); // kube-apiserver may have been started after the attempt was given up
                }
            }
        }, "control-plane-start-" + workDir.getFileName());
        starter.setDaemon(true); // after an exit it polls the dead server until its own timeout: nobody waits for it
        starter.start();
        while (!started.isDone()) {
            Optional<String> exit = exited(server);
            if (exit.isPresent()) {
                abandoned.set(true);
                throw new IllegalStateException(exit.get());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the control plane", e);
            }
        }
        try {
            started.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Which of the two processes have exited during the start, read from kube-api-test's fields (it offers no API). */
    private static Optional<String> exited(KubeAPIServer server) {
        List<String> exits = processes(server).entrySet().stream().filter(process -> !process.getValue().isAlive())
                .map(process -> process.getKey() + " exited with code " + process.getValue().exitValue()).toList();
        return exits.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", exits));
    }

    /**
     * kube-api-test's stop, then each process killed directly: its stop marks a process stopped even before it was
     * started, and then never stops it.
     */
    private static void stopQuietly(KubeAPIServer server) {
        try {
            server.stop();
        } catch (RuntimeException e) {
            // stopping what never fully started (etcd's data directories not made yet, say)
        }
        try {
            for (Process process : processes(server).values()) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The processes started so far, by name. */
    private static Map<String, Process> processes(KubeAPIServer server) {
        try {
            Map<String, Process> started = new LinkedHashMap<>();
            Object etcd = RealApiServer.field(RealApiServer.field(server, "etcdProcess"), "etcdProcess");
            Object apiServer = RealApiServer.field(RealApiServer.field(server, "kubeApiServerProcess"), "apiServerProcess");
            // kube-apiserver first: when it exits, kube-api-test kills etcd (code 137), which says nothing of the cause
            if (apiServer != null) {
                started.put("kube-apiserver", (Process) apiServer);
            }
            if (etcd != null) {
                started.put("etcd", (Process) etcd);
            }
            return started;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("kube-api-test changed; ControlPlaneStart needs adapting", e);
        }
    }

    private static long freeMiB() {
        return new File(System.getProperty("java.io.tmpdir")).getUsableSpace() / (1024 * 1024);
    }
}
