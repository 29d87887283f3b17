package ai.agenticlayer.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * A control plane that cannot start says why in its own words, is not left running, and is tried again: here with
 * a flag kube-apiserver does not know, which fails every attempt alike.
 */
class ControlPlaneStartIT {

    @Test
    void aFailedStartKeepsTheOutputNamesTheCauseAndLeavesNothingRunning() {
        Set<Long> before = controlPlaneProcesses();

        IllegalStateException failure = catchThrowableOfType(IllegalStateException.class,
                () -> RealApiServer.start("unknown-flag", Map.of("--no-such-flag", "x")));

        assertThat(failure.getMessage())
                .contains("start " + ControlPlaneStart.ATTEMPTS + " of " + ControlPlaneStart.ATTEMPTS)
                .contains("kube-apiserver exited with code 1")
                .contains("Error: unknown flag: --no-such-flag"); // kube-apiserver's own words, from its output
        Path output = Path.of("target", "real-api-server", "unknown-flag", ControlPlaneLogs.API_SERVER);
        assertThat(output).content().contains("--- start 1 at", "--- start " + ControlPlaneStart.ATTEMPTS + " at");
        assertThat(output.resolveSibling(ControlPlaneLogs.ETCD)).content().contains("starting an etcd server");
        assertThat(controlPlaneProcesses()).as("etcd and kube-apiserver processes still running").isSubsetOf(before);
    }

    private static Set<Long> controlPlaneProcesses() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("/etcd") || command.endsWith("/kube-apiserver"))
                        .orElse(false))
                .map(ProcessHandle::pid).collect(Collectors.toSet());
    }
}
