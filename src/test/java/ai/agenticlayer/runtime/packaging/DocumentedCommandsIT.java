package ai.agenticlayer.runtime.packaging;

import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.InstalledOperator;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RealApiServer;
import ai.agenticlayer.runtime.testing.RealApiServer.ShellResult;
import ai.agenticlayer.runtime.testing.RunsPackagedOperator;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Every command in a {@code shell} block of README.md, BENCHMARKS.md and docs/ is run, as written, on a real API
 * server, or checked where it cannot run here: kubectl and {@code helm install} against kube-apiserver (helm through the
 * Helm library), {@code render} and the operator jar as processes, Maven command lines against the profiles and
 * options they name. A command of a kind this test does not know fails it, so a new one gets a decision.
 */
@RunsPackagedOperator
class DocumentedCommandsIT {

    private static final Pattern FENCE = Pattern.compile("(?ms)^```(?:shell|bash|sh)\\n(.*?)^```");
    /** What cannot run on this machine: no Docker engine, no registry, no OLM. */
    private static final List<String> NOT_RUN_HERE = List.of("docker ", "operator-sdk ");
    private static final Pattern MAVEN_OPTION = Pattern.compile("-D(benchmark|operator|reliability|local)\\.[A-Za-z.]+");

    record Command(Path document, String line) {
        @Override
        public String toString() {
            return document + ": " + line;
        }
    }

    @Test
    void everyDocumentedCommandRunsOrIsChecked() throws Exception {
        List<Command> commands = commands();
        assertThat(commands).extracting(Command::line)
                .contains("kubectl apply -f kubernetes/install.yaml", "kubectl get agents -A", "./mvnw verify -Dnative");
        String pom = Documents.read(Path.of("pom.xml"));
        String testSources = testSources();
        List<Command> kubectl = new ArrayList<>();
        List<Command> helm = new ArrayList<>();
        List<Command> operatorJar = new ArrayList<>();
        for (Command command : commands) {
            String line = command.line();
            if (line.startsWith("kubectl ")) {
                kubectl.add(command);
            } else if (line.startsWith("helm install ")) {
                if (helm.stream().noneMatch(same -> same.line().equals(line))) {
                    helm.add(command); // a release name is taken once: the same install in two documents runs once
                }
            } else if (line.startsWith("java ") && line.contains("quarkus-run.jar")) {
                operatorJar.add(command);
            } else if (line.startsWith("./mvnw ")) {
                checkMavenCommand(command, pom, testSources);
            } else if (!line.startsWith("export ")) { // a variable for the commands after it, not a command of its own
                assertThat(NOT_RUN_HERE).as("a documented command this test neither runs nor checks: %s", command)
                        .anySatisfy(prefix -> assertThat(line).startsWith(prefix));
            }
        }
        runKubectlAsAUserWould(kubectl);
        runHelmInstallAndTheOperatorJar(helm, operatorJar);
    }

    /**
     * On a fresh API server, in the order of the documents: the install commands, the operator started as the
     * Deployment they created would run it, the samples, and what {@code kubectl get agents -A} prints, held against the
     * README's example.
     */
    private static void runKubectlAsAUserWould(List<Command> commands) {
        try (RealApiServer apiServer = RealApiServer.start("documented-kubectl"); KubernetesClient client = apiServer.adminClient()) {
            PackagedOperator operator = null;
            try {
                for (Command command : commands) {
                    if (operator == null && command.line().contains("kubernetes/samples")) {
                        operator = InstalledOperator.installShippedManifest(apiServer).start("documented", Map.of()).awaitReady();
                    }
                    ShellResult result = apiServer.shell(command.line());
                    assertThat(result.exitCode()).as("%s printed:%n%s", command, result.output()).isZero();
                    if (command.line().contains("kubernetes/samples")) {
                        awaitUntil(client, Agent.class, "newsroom", "summarizer",
                                a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
                    }
                    if (command.line().equals("kubectl get agents -A")) {
                        // once every sample Agent has been reconciled
                        Awaitility.await().atMost(Cluster.TIMEOUT).pollInterval(Duration.ofMillis(500))
                                .untilAsserted(() -> assertLikeTheReadmeExample(apiServer.shell(command.line()).output()));
                    }
                }
            } finally {
                if (operator != null) {
                    operator.close();
                }
            }
        }
    }

    /** What kubectl printed is the README's example, line for line, the ages apart. */
    private static void assertLikeTheReadmeExample(String output) {
        assertThat(output.lines().map(DocumentedCommandsIT::withoutAge)).as("kubectl get agents -A printed:%n%s", output)
                .containsExactlyElementsOf(readmeBlockStartingWith("NAMESPACE ").stream().map(DocumentedCommandsIT::withoutAge).toList());
    }

    private static String withoutAge(String line) {
        return normalized(line).replaceFirst("\\S+$", "AGE");
    }

    /** helm install as documented on an API server of its own, then the operator jar as documented, against it. */
    private static void runHelmInstallAndTheOperatorJar(List<Command> helm, List<Command> operatorJar) throws Exception {
        try (RealApiServer apiServer = RealApiServer.start("documented-helm"); KubernetesClient client = apiServer.adminClient()) {
            for (Command command : helm) {
                List<String> words = Arrays.asList(command.line().split("\\s+"));
                String namespace = words.get(words.indexOf("--namespace") + 1);
                var install = new Helm(Path.of(words.get(3))).install().withName(words.get(2)).withNamespace(namespace)
                        .withKubeConfig(apiServer.kubeconfig());
                if (words.contains("--create-namespace")) {
                    install.createNamespace();
                }
                Release release = install.call();
                assertThat(release.getStatus()).as(command.toString()).isEqualTo("deployed");
                assertThat(client.apps().deployments().inNamespace(namespace).withName(words.get(2)).get()).as(command.toString()).isNotNull();
            }
            for (Command command : operatorJar) {
                runOperatorJar(apiServer, command);
            }
        }
    }

    /**
     * {@code render} runs to its end; the operator itself runs until it has started, then is stopped. Its HTTP port is
     * moved off 8080 by the environment, so that the command line stays as documented.
     */
    private static void runOperatorJar(RealApiServer apiServer, Command command) throws Exception {
        if (command.line().contains(" render ")) {
            ShellResult result = apiServer.shell(command.line());
            assertThat(result.exitCode()).as("%s printed:%n%s", command, result.output()).isZero();
            assertThat(result.output()).as(command.toString()).contains("Deployment");
            return;
        }
        Path log = Path.of("target", "documented-operator-jar.log");
        ShellResult started = apiServer.shell("QUARKUS_HTTP_PORT=0 " + command.line() + " > " + log + " 2>&1 & echo $!");
        long pid = Long.parseLong(started.output().trim());
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> Documents.read(log).contains(" started in ") || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
            assertThat(Documents.read(log)).as("%s logged:%n%s", command, Documents.read(log)).contains(" started in ").doesNotContain("ERROR");
        } finally {
            ProcessHandle.of(pid).ifPresent(process -> process.descendants().forEach(ProcessHandle::destroy));
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    /** A Maven command line cannot run inside this build: the profiles and benchmark or test options it names exist. */
    private static void checkMavenCommand(Command command, String pom, String testSources) {
        Matcher profiles = Pattern.compile("(?:^|\\s)-P([\\w,-]+)").matcher(command.line());
        while (profiles.find()) {
            for (String profile : profiles.group(1).split(",")) {
                assertThat(pom).as("%s names profile %s", command, profile).contains("<id>" + profile + "</id>");
            }
        }
        Matcher options = MAVEN_OPTION.matcher(command.line());
        while (options.find()) {
            String option = options.group().substring(2);
            assertThat(pom.contains(option) || testSources.contains("\"" + option + "\""))
                    .as("%s names option %s, which neither pom.xml nor the test sources read", command, option).isTrue();
        }
    }

    /** The commands of every shell block, continuation lines joined, comments dropped. */
    static List<Command> commands() {
        List<Command> commands = new ArrayList<>();
        for (Path document : Documents.all()) {
            Matcher block = FENCE.matcher(Documents.read(document));
            while (block.find()) {
                String joined = block.group(1).replaceAll("\\\\\\n\\s*", "");
                for (String line : joined.split("\\n")) {
                    String command = line.replaceFirst("\\s+# .*$", "").strip();
                    if (!command.isEmpty() && !command.startsWith("#")) {
                        commands.add(new Command(document, command));
                    }
                }
            }
        }
        return commands;
    }

    private static List<String> readmeBlockStartingWith(String prefix) {
        Matcher block = Pattern.compile("(?ms)^```\\n(" + Pattern.quote(prefix) + ".*?)^```").matcher(Documents.read(Documents.README));
        assertThat(block.find()).as("README has an example starting with %s", prefix).isTrue();
        return block.group(1).lines().toList();
    }

    private static String normalized(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }

    private static String testSources() {
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
            StringBuilder all = new StringBuilder();
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> all.append(Documents.read(file)));
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
