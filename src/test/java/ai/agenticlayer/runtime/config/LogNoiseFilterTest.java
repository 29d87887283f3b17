package ai.agenticlayer.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InterruptedIOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

/** What the console filter drops: only lines a user can do nothing about. */
class LogNoiseFilterTest {

    private static final String ELECTOR = "io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector";
    private final LogNoiseFilter filter = new LogNoiseFilter();

    @Test
    void aLeaseRenewalInterruptedByAStopIsDroppedAnyOtherFailureKept() {
        assertThat(filter.isLoggable(record(ELECTOR, "Exception occurred while acquiring lock",
                new IllegalStateException("get failed", new InterruptedIOException())))).isFalse();
        assertThat(filter.isLoggable(record(ELECTOR, "Exception occurred while acquiring lock",
                new IllegalStateException("403 Forbidden")))).isTrue();
        assertThat(filter.isLoggable(record(ELECTOR, "Leader changed", null))).isTrue();
    }

    @Test
    void startNoiseIsDroppedTheRestKept() {
        assertThat(filter.isLoggable(record("io.quarkus", "Profile prod activated. ", null))).isFalse();
        assertThat(filter.isLoggable(record("io.quarkus", "agent-runtime-operator started", null))).isTrue();
    }

    private static LogRecord record(String logger, String message, Throwable thrown) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setLoggerName(logger);
        record.setThrown(thrown);
        return record;
    }
}
