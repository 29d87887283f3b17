package ai.agenticlayer.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The original operator's sanitize tables, row by row. */
class AgentNamingTest {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(value = {
            "test123|test123",
            "test-agent-name|test_agent_name",
            "test_agent_name|test_agent_name",
            "123test|_123test",
            "test@agent#name|test_agent_name",
            "test agent|test_agent",
            "TestAgent|TestAgent",
            "''|agent",
            "@#$%|____",
            "my-cool-agent-v2|my_cool_agent_v2",
            "agént|ag_nt",
    }, delimiter = '|', emptyValue = "")
    void sanitizeAgentName(String name, String expected) {
        assertThat(AgentNaming.sanitizeAgentName(name.equals("''") ? "" : name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(value = {
            "OPENAI|openai",
            "OpenAI_API|openai-api",
            "_test_|test",
            "''|port",
            "!@#$%|port",
            "a2a-protocol|a2a-protocol",
            "HTTP2|http2",
            "A2A|a2a",
    }, delimiter = '|')
    void sanitizeForPortName(String value, String expected) {
        assertThat(AgentNaming.sanitizeForPortName(value.equals("''") ? "" : value)).isEqualTo(expected);
    }
}
