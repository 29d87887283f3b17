package ai.agenticlayer.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every CEL rule of every CRD stays within the API server's cost budget, estimated as the API server estimates it
 * (CelCostEstimate), so that {@code kubectl apply -f kubernetes/crds/} is not refused on a real cluster. The mock API
 * server of the other tests checks no cost at all.
 */
class CelCostTest {

    /** A rule, where it is declared, its cost per evaluation and how many times one object can make it run. */
    private record PricedRule(String kind, String path, String rule, long cost, long places) {
        long total() {
            return Math.multiplyExact(cost, places);
        }
    }

    @Test
    void everyRuleAndEveryCrdStaysWithinTheBudget() {
        List<PricedRule> all = new ArrayList<>();
        for (Map.Entry<String, JsonNode> crd : Crds.BY_KIND.entrySet()) {
            List<PricedRule> rules = new ArrayList<>();
            for (JsonNode version : crd.getValue().at("/spec/versions")) {
                collect(crd.getKey(), version.at("/schema/openAPIV3Schema"), crd.getKey(), 1, rules);
            }
            rules.forEach(r -> System.out.printf("%-20s %-55s %12d x %-8d = %12d  %s%n", r.kind(), r.path(), r.cost(), r.places(),
                    r.total(), r.rule()));
            assertThat(rules).allSatisfy(r -> assertThat(r.total()).as(r.kind() + " " + r.path() + ": " + r.rule())
                    .isLessThanOrEqualTo(CelCostEstimate.PER_RULE_LIMIT));
            assertThat(rules.stream().mapToLong(PricedRule::total).sum()).as(crd.getKey() + ": all rules")
                    .isLessThanOrEqualTo(CelCostEstimate.PER_CRD_LIMIT);
            all.addAll(rules);
        }
        assertThat(all).as("rules found").hasSizeGreaterThan(20);
    }

    @Test
    void theEstimateRefusesWhatTheApiServerRefuses() {
        JsonNode unbounded = Manifests.parse("""
                type: object
                properties:
                  names: {type: array, items: {type: string}}
                """);
        JsonNode bounded = Manifests.parse("""
                type: object
                properties:
                  names: {type: array, maxItems: 25, items: {type: string, maxLength: 10}}
                """);
        String rule = "self.names.all(x, x.matches('^[a-z]+$'))";

        assertThat(CelCostEstimate.of(rule, unbounded)).as("the Kubernetes documentation's example of a rule too expensive")
                .isGreaterThan(CelCostEstimate.PER_RULE_LIMIT);
        assertThat(CelCostEstimate.of(rule, bounded)).isLessThan(1_000);
        assertThatThrownBy(() -> CelCostEstimate.of("self.nmaes.all(x, x == 'a')", bounded)).hasMessageContaining("no field nmaes");
    }

    private static void collect(String kind, JsonNode schema, String path, long places, List<PricedRule> rules) {
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            String text = rule.path("rule").asText();
            rules.add(new PricedRule(kind, path, text, CelCostEstimate.of(text, schema), places));
        }
        schema.path("properties").fields().forEachRemaining(p -> collect(kind, p.getValue(), path + "." + p.getKey(), places, rules));
        if (schema.has("items")) {
            collect(kind, schema.path("items"), path + "[]", places * schema.path("maxItems").asLong(CelCostEstimate.UNBOUNDED_ENTRIES), rules);
        }
        if (schema.path("additionalProperties").isObject()) {
            collect(kind, schema.path("additionalProperties"), path + "{}",
                    places * schema.path("maxProperties").asLong(CelCostEstimate.UNBOUNDED_ENTRIES), rules);
        }
    }
}
