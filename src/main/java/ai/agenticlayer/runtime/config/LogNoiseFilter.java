package ai.agenticlayer.runtime.config;

import java.util.List;
import java.util.Map;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Drops the few lines of a start that a user can do nothing about and that come from a logger whose other lines
 * matter (the rest is quieted by category in application.properties): Quarkus' profile and feature list, and the
 * SDK's warning that leader election leaves shutdown to the application, which Quarkus handles.
 */
@LoggingFilter(name = LogNoiseFilter.NAME)
public final class LogNoiseFilter implements Filter {

    static final String NAME = "operator-noise";
    /** Logger name and the start of the message as logged, before its parameters are filled in. */
    private static final Map<String, List<String>> DROPPED = Map.of(
            "io.quarkus", List.of("Profile", "Installed features"),
            "io.javaoperatorsdk.operator.Operator", List.of("Leader election is on, shutdown hook will not be installed"));

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        List<String> dropped = DROPPED.get(record.getLoggerName());
        return message == null || dropped == null || dropped.stream().noneMatch(message::startsWith);
    }
}
