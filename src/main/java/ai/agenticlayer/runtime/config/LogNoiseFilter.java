package ai.agenticlayer.runtime.config;

import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Drops the few lines of a start that a user can do nothing about and that come from a logger whose other lines
 * matter (the rest is quieted by category in application.properties): Quarkus' profile and feature list, the
 * SDK's warning that leader election leaves shutdown to the application, which Quarkus handles, and the leader
 * elector's warning when a stop interrupts its renewal of the Lease.
 */
@LoggingFilter(name = LogNoiseFilter.NAME)
public final class LogNoiseFilter implements Filter {

    static final String NAME = "operator-noise";
    /** Logger name and the start of the message as logged, before its parameters are filled in. */
    private static final Map<String, List<String>> DROPPED = Map.of(
            "io.quarkus", List.of("Profile", "Installed features"),
            "io.javaoperatorsdk.operator.Operator", List.of("Leader election is on, shutdown hook will not be installed"));

    private static final String LEADER_ELECTOR = "io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getLoggerName() != null && record.getLoggerName().equals(LEADER_ELECTOR) && interrupted(record.getThrown())) {
            return false;
        }
        String message = record.getMessage();
        List<String> dropped = DROPPED.get(record.getLoggerName());
        return message == null || dropped == null || dropped.stream().noneMatch(message::startsWith);
    }

    /** The thread was interrupted: the elector is being stopped, at shutdown, not failing. */
    private static boolean interrupted(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException || cause instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }
}
