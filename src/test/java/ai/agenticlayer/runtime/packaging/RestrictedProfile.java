package ai.agenticlayer.runtime.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** The restricted Pod Security Standard, and a read-only root filesystem, checked on a pod spec. */
final class RestrictedProfile {

    private RestrictedProfile() {
    }

    static void assertMet(JsonNode podSpec) {
        assertThat(podSpec.path("securityContext").path("runAsNonRoot").asBoolean()).as("runAsNonRoot").isTrue();
        assertThat(podSpec.path("securityContext").path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
        assertThat(podSpec.path("hostNetwork").asBoolean(false)).isFalse();
        for (JsonNode container : podSpec.path("containers")) {
            JsonNode securityContext = container.path("securityContext");
            assertThat(securityContext.path("allowPrivilegeEscalation").isBoolean() && !securityContext.path("allowPrivilegeEscalation").asBoolean())
                    .as("allowPrivilegeEscalation: false").isTrue();
            assertThat(securityContext.path("readOnlyRootFilesystem").asBoolean()).as("readOnlyRootFilesystem").isTrue();
            assertThat(securityContext.path("capabilities").path("drop")).extracting(JsonNode::asText).containsExactly("ALL");
            assertThat(securityContext.path("privileged").asBoolean(false)).isFalse();
        }
    }
}
