package ai.agenticlayer.runtime.children;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.agenticlayer.runtime.api.Manifests;

class StoredStateTest {

    private static JsonNode json(String yaml) {
        return Manifests.parse(yaml);
    }

    @Test
    void fieldsTheServerAddsAreNoDifferenceEvenWhenTheirValueAppearsElsewhere() {
        JsonNode desired = json("{spec: {template: {spec: {containers: [{name: a, readinessProbe: {successThreshold: 1}}]}}}}");
        JsonNode stored = json("{spec: {replicas: 1, template: {spec: {containers: [{name: a, readinessProbe: {successThreshold: 1},"
                + " terminationMessagePath: /dev/termination-log}]}}}}");
        assertThat(StoredState.differences(desired, stored)).isEmpty();
    }

    @Test
    void aQuantityInItsCanonicalFormIsNoDifferenceAnotherAmountIs() {
        JsonNode desired = json("{spec: {containers: [{resources: {requests: {cpu: '0.5', memory: 1Gi}}}]}}");
        assertThat(StoredState.differences(desired, json("{spec: {containers: [{resources: {requests: {cpu: 500m, memory: 1Gi}}}]}}")))
                .isEmpty();
        assertThat(StoredState.differences(desired, json("{spec: {containers: [{resources: {requests: {cpu: 400m, memory: 1Gi}}}]}}")))
                .extracting(op -> op.path("path").asText()).containsExactly("/spec/containers/0/resources/requests/cpu");
    }

    @Test
    void aChangedOrMissingDesiredFieldIsADifferenceMetadataIsNot() {
        JsonNode desired = json("{metadata: {labels: {a: b}}, spec: {image: x, env: [{name: A, value: '1'}]}}");
        assertThat(StoredState.differences(desired, json("{metadata: {labels: {a: c}}, spec: {image: y, env: [{name: A, value: '1'}]}}")))
                .extracting(op -> op.path("op").asText() + " " + op.path("path").asText()).containsExactly("replace /spec/image");
        assertThat(StoredState.differences(desired, json("{spec: {image: x, env: []}}"))).isNotEmpty();
    }
}
