package ai.agenticlayer.runtime.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.benchmark.Benchmark.Cpu;
import ai.agenticlayer.runtime.benchmark.Benchmark.Resident;
import ai.agenticlayer.runtime.benchmark.Benchmark.Result;
import ai.agenticlayer.runtime.benchmark.Benchmark.Run;

/** The benchmark's tables, for a run that did not converge in time: it keeps its row with what was measured. */
class BenchmarkTableTest {

    @Test
    void aRunThatDidNotConvergeHasItsRowSideBySideAndNoneInTheDetail() {
        Map<String, Double> requests = Map.of("get", 0.0, "list", 0.0, "create", 2.0, "update", 1.16, "patch", 0.0, "delete", 0.0);
        Result original = Result.notConverged(Contender.ORIGINAL, 10_000, Run.NOT_MEASURED, Run.NOT_MEASURED,
                "not converged: 8,271 of 10,000 Agents Ready after 1200 s", requests, 2.08, Double.NaN, new Resident(310.4, 250.2), 41, 190.0,
                new Cpu(900.0, 100.0), 1.5, 30.0, "");

        String table = Benchmark.table(List.of(original));

        assertThat(table).contains("| 10,000, original (Go) | not converged: 8,271 of 10,000 Agents Ready after 1200 s | - "
                + "| 0.00 / 0.00 / 2.00 / 1.16 / 0.00 / 0.00 | 2.08 | - | 190.0 / 900.0 | 19.0 | 310 / 250 | - | none |");
        assertThat(table.lines().filter(line -> line.startsWith("| 10,000")).count())
                .as("the detail tables take only the runs that converged").isEqualTo(1);
    }

    @Test
    void aRunWhoseToolServersDidNotConvergeKeepsItsAgentFiguresAndSaysWhereItStopped() {
        Map<String, Double> requests = Map.of("get", 0.0, "list", 0.0, "create", 2.0, "update", 3.0, "patch", 0.0, "delete", 0.0);
        Result original = new Result(Contender.ORIGINAL, 10_000, 1575.6, Run.NOT_MEASURED, requests, 3.0, 1580.0, -1, Double.NaN, Double.NaN,
                new Resident(529.0, 479.0), new Resident(529.0, 479.0), 7, Run.NOT_MEASURED, 1540.0, new Cpu(900.0, 100.0), 1.8, 45.0, Double.NaN, Double.NaN,
                Benchmark.Others.NOT_MEASURED, "", Double.NaN, Run.NOT_MEASURED, "",
                "the ToolServers and workforces did not converge (SocketTimeoutException: timeout); the restart was not measured");

        String table = Benchmark.table(List.of(original));

        assertThat(table).contains("| 10,000, original (Go) | 1575.6 | - | 0.00 / 0.00 / 2.00 / 3.00 / 0.00 / 0.00 | 3.00 | - "
                + "| 1540.0 / 900.0 | 154.0 | 529 / 479 | 529 / 479 | none |");
        assertThat(table).contains("10,000, original (Go): the ToolServers and workforces did not converge "
                + "(SocketTimeoutException: timeout); the restart was not measured.");
        assertThat(table.lines().filter(line -> line.startsWith("| 10,000")).count())
                .as("side by side and in detail, but no ToolServer row").isEqualTo(3);
    }
}
