package ai.agenticlayer.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lists of docs/api-decisions.md that tests read: what differs from the original operator, and why. */
public final class ApiDecisions {

    public static final Path FILE = Path.of("docs", "api-decisions.md");

    private ApiDecisions() {
    }

    /** The first group of each bullet of a section ({@code ## title}) that matches, each listed once. */
    public static Set<String> listed(String section, Pattern bullet) {
        List<String> lines;
        try {
            lines = Files.readAllLines(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf(section);
        assertThat(start).as("%s has a section \"%s\"", FILE, section).isNotNegative();
        List<String> listed = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher matcher = bullet.matcher(line);
            if (matcher.find()) {
                listed.add(matcher.group(1));
            }
        }
        assertThat(listed).as("each difference listed once in %s", section).doesNotHaveDuplicates();
        return new TreeSet<>(listed);
    }
}
