package ai.agenticlayer.runtime.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Every relative link of README.md, BENCHMARKS.md and docs/ leads to a file, and its anchor to a heading there. */
class DocumentLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#+ (.+)$");

    @Test
    void everyRelativeLinkResolves() {
        List<String> broken = new ArrayList<>();
        for (Path document : Documents.all()) {
            Matcher link = LINK.matcher(Documents.read(document));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // https:, mailto:
                }
                String[] pathAndAnchor = target.split("#", 2);
                Path file = pathAndAnchor[0].isEmpty() ? document : document.resolveSibling(pathAndAnchor[0]).normalize();
                if (!Files.exists(file)) {
                    broken.add(document + ": " + target + " (no such file)");
                } else if (pathAndAnchor.length == 2 && !Files.isDirectory(file) && !anchors(file).contains(pathAndAnchor[1])) {
                    broken.add(document + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    /** GitHub's anchors: the heading in lower case, spaces as hyphens, punctuation but hyphens dropped. */
    private static Set<String> anchors(Path file) {
        Matcher heading = HEADING.matcher(Documents.read(file));
        return heading.results().map(match -> match.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }


}
