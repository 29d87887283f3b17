package ai.agenticlayer.runtime.agent;

import static ai.agenticlayer.runtime.agent.AgentFixtures.agent;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentSpecChecksTest {

    @Test
    void nestedMountPathsAreNamedWithTheirFieldPath() {
        var problems = AgentSpecChecks.problems(agent("""
                metadata: {name: a, namespace: n}
                spec:
                  volumes: [{name: data, emptyDir: {}}, {name: cache, emptyDir: {}}, {name: backup, emptyDir: {}}]
                  volumeMounts:
                    - {name: data, mountPath: /data}
                    - {name: cache, mountPath: /data/cache/}
                    - {name: backup, mountPath: /data-backup}
                """).getSpec());

        assertThat(problems).containsExactly(
                "spec.volumeMounts[1].mountPath: Invalid value: \"/data/cache/\": mountPath \"/data/cache\" is nested under \"/data\" (index 0)");
    }

    @Test
    void duplicatePortsAndPortNamesAreRejected() {
        var problems = AgentSpecChecks.problems(agent("""
                metadata: {name: a, namespace: n}
                spec:
                  protocols: [{type: A2A, port: 8000}, {type: A2A, port: 8000, name: other}, {type: A2A, port: 9000, name: a2a-8000}]
                """).getSpec());

        assertThat(problems).containsExactly(
                "spec.protocols[1].port: Duplicate value: \"8000\" (as spec.protocols[0]): each protocol needs its own port",
                "spec.protocols[2].name: Duplicate value: \"a2a-8000\" (as spec.protocols[0]): port names must be unique in the container and the Service");
    }

    @Test
    void subAgentNamesCollidingOnceSanitisedAreRejected() {
        var problems = AgentSpecChecks.problems(agent("""
                metadata: {name: a, namespace: n}
                spec:
                  subAgents: [{name: web-search, url: 'https://a.example.com/c.json'}, {name: web_search, url: 'https://b.example.com/c.json'}]
                """).getSpec());

        assertThat(problems).singleElement().asString().startsWith("spec.subAgents[1].name: Duplicate value: \"web_search\"");
    }

    @Test
    void aValidAgentHasNoProblems() {
        assertThat(AgentSpecChecks.problems(agent("metadata: {name: a, namespace: n}\nspec: {}").getSpec())).isEmpty();
    }
}
