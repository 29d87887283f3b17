package ai.agenticlayer.runtime.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The shipped dashboard's queries; which metrics they name is checked against a running operator in PackagedMetricsIT. */
class GrafanaDashboardTest {

    private static final Pattern FLEET_GAUGE = Pattern.compile("agent_runtime_[a-z_]+\\{");

    /** Every replica reports the same fleet gauges (standbys keep warm caches), so a plain sum counts each object once per replica. */
    @Test
    void fleetGaugesAreCollapsedOverReplicasBeforeTheyAreSummed() throws IOException {
        List<String> queries = queries();
        assertThat(queries).anyMatch(query -> FLEET_GAUGE.matcher(query).find());
        for (String query : queries) {
            Matcher gauge = FLEET_GAUGE.matcher(query);
            while (gauge.find()) {
                assertThat(query.substring(0, gauge.start())).as(query).endsWith("max without (instance, pod) (");
            }
        }
    }

    private static List<String> queries() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("docs", "grafana", "agent-runtime-operator.json").toFile());
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asText());
            }
        }
        return queries;
    }
}
