package ai.agenticlayer.runtime.agent;

import java.util.Locale;

/** Name transformations of the environment contract that agent images rely on. */
public final class AgentNaming {

    private AgentNaming() {
    }

    /**
     * A Python-identifier-safe agent name: every code point outside {@code [a-zA-Z0-9_]} becomes {@code _}, a leading
     * digit gets a {@code _} prefix, and an empty name becomes {@code agent}.
     */
    public static String sanitizeAgentName(String name) {
        if (name == null || name.isEmpty()) {
            return "agent";
        }
        StringBuilder sanitized = new StringBuilder();
        name.codePoints().forEach(c -> sanitized.append(isIdentifierChar(c) ? (char) c : '_'));
        return Character.isDigit(sanitized.charAt(0)) ? "_" + sanitized : sanitized.toString();
    }

    /**
     * A port-name-safe form: lower case, every character outside {@code [a-z0-9-]} becomes {@code -}, leading and
     * trailing {@code -} trimmed, and {@code port} if nothing is left.
     */
    public static String sanitizeForPortName(String value) {
        StringBuilder sanitized = new StringBuilder();
        (value == null ? "" : value.toLowerCase(Locale.ROOT)).codePoints()
                .forEach(c -> sanitized.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ? (char) c : '-'));
        int start = 0;
        int end = sanitized.length();
        while (start < end && sanitized.charAt(start) == '-') {
            start++;
        }
        while (end > start && sanitized.charAt(end - 1) == '-') {
            end--;
        }
        return start == end ? "port" : sanitized.substring(start, end);
    }

    private static boolean isIdentifierChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
