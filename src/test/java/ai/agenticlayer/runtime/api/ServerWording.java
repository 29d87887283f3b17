package ai.agenticlayer.runtime.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a rejection message that the API server must show, from the message the offline validators give. A
 * CEL rule's message is the same in both, after the field path (a rule on the whole object is reported at
 * {@code <nil>} by the server, {@code <root>} offline); a schema error is worded by each validator its own way, so the
 * field path and the server's phrase for the broken constraint are expected.
 */
final class ServerWording {

    private static final String INVALID_VALUE = ": Invalid value: ";
    private static final List<Translation> SCHEMA_PHRASES = List.of(
            new Translation("must have a minimum value of (\\S+)", "should be greater than or equal to $1"),
            new Translation("must have a maximum value of (\\S+)", "should be less than or equal to $1"),
            new Translation("does not have a value in the enumeration.*", "Unsupported value"),
            new Translation("must be at most ([\\d,]+) characters long", "may not be more than $1 bytes"),
            new Translation("must have at least (\\d+) items.*", "should have at least $1 items"),
            new Translation("must have at most (\\d+) items.*", "must have at most $1 items"),
            new Translation("does not match the regex pattern ?(.*)", "should match '$1"));

    private record Translation(Pattern offline, String server) {
        Translation(String offline, String server) {
            this(Pattern.compile(offline), server);
        }
    }

    private ServerWording() {
    }

    static String[] of(String offlineMessage) {
        List<String> fragments = new ArrayList<>();
        int invalidValue = offlineMessage.indexOf(INVALID_VALUE);
        if (invalidValue >= 0) {
            fragments.add(offlineMessage.substring(0, invalidValue).replace("<root>", "<nil>") + INVALID_VALUE);
            fragments.add(offlineMessage.substring(invalidValue + INVALID_VALUE.length()));
        } else if (offlineMessage.startsWith("$.")) {
            int colon = offlineMessage.indexOf(": ");
            String path = offlineMessage.substring(2, colon);
            String problem = offlineMessage.substring(colon + 2);
            Matcher required = Pattern.compile("required property '(.+)' not found").matcher(problem);
            if (required.matches()) {
                fragments.add(path + "." + required.group(1) + ": Required value");
            } else {
                fragments.add(path + ": ");
                SCHEMA_PHRASES.stream().filter(t -> t.offline().matcher(problem).matches()).findFirst()
                        .ifPresent(t -> fragments.add(t.offline().matcher(problem).replaceFirst(t.server()).replace(",", "")));
            }
        } else {
            fragments.add(offlineMessage);
        }
        return fragments.toArray(String[]::new);
    }
}
