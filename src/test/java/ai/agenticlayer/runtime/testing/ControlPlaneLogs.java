package ai.agenticlayer.runtime.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps what etcd and kube-apiserver print in files of the server's work directory ({@value #ETCD},
 * {@value #API_SERVER}). kube-api-test reads their output on threads of its own and logs each line at debug level,
 * where it is otherwise lost; those threads are started by the thread that starts the server, so they inherit the
 * directory to write to from it.
 */
final class ControlPlaneLogs extends Handler {

    static final String ETCD = "etcd.log";
    static final String API_SERVER = "kube-apiserver.log";
    private static final int TAIL_LINES = 25;
    private static final InheritableThreadLocal<Path> DIRECTORY = new InheritableThreadLocal<>();
    /** Held strongly: the log manager keeps loggers weakly, and a collected logger loses its handler and level. */
    private static final List<Logger> LOGGERS = List.of(
            Logger.getLogger("io.fabric8.kubeapitest.process.EtcdProcess.EtcdProcessLogs"),
            Logger.getLogger("io.fabric8.kubeapitest.process.KubeAPIServerProcess.APIServerProcessLogs"));

    static {
        ControlPlaneLogs handler = new ControlPlaneLogs();
        for (Logger logger : LOGGERS) {
            logger.setLevel(Level.ALL);
            logger.setUseParentHandlers(false); // into the files, not the test's console
            logger.addHandler(handler);
        }
    }

    private ControlPlaneLogs() {
    }

    /** Runs {@code start}; the processes it starts write their output under {@code directory} for as long as they run. */
    static void during(Path directory, Runnable start) {
        DIRECTORY.set(directory);
        try {
            start.run();
        } finally {
            DIRECTORY.remove();
        }
    }

    /** Marks in both files where the output of a new start begins. */
    static void mark(Path directory, String line) {
        append(directory.resolve(ETCD), line);
        append(directory.resolve(API_SERVER), line);
    }

    /** The last lines of both files, for a failure message. */
    static String tails(Path directory) {
        return tail(directory.resolve(ETCD)) + "\n" + tail(directory.resolve(API_SERVER));
    }

    private static String tail(Path file) {
        if (!Files.exists(file)) {
            return "(no " + file.getFileName() + ")";
        }
        try {
            List<String> lines = Files.readAllLines(file);
            return "last lines of " + file + ":\n  "
                    + String.join("\n  ", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e + ")";
        }
    }

    @Override
    public void publish(LogRecord record) {
        Path directory = DIRECTORY.get();
        if (directory != null) {
            append(directory.resolve(record.getLoggerName().endsWith("EtcdProcessLogs") ? ETCD : API_SERVER), record.getMessage());
        }
    }

    private static synchronized void append(Path file, String line) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // diagnostics only: a line that cannot be kept is not worth failing kube-api-test's reader thread for
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
