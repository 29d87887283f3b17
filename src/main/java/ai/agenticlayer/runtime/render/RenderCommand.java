package ai.agenticlayer.runtime.render;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import ai.agenticlayer.runtime.api.v1alpha1.Condition;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionedStatus;
import ai.agenticlayer.runtime.config.AgentDefaults;
import ai.agenticlayer.runtime.config.OperatorConfig;
import ai.agenticlayer.runtime.status.Conditions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * {@code render [options] <file|directory|->...}: the Deployments and Services the operator would create for the given
 * objects, and the status it would report on each, printed as YAML with no cluster. Secrets and ConfigMaps count
 * for the config hash; objects of other API groups (a Namespace, say) are passed over. Exit codes: 0 rendered,
 * 1 invalid input, 2 wrong usage.
 */
public final class RenderCommand {

    public static final int RENDERED = 0;
    public static final int INVALID_INPUT = 1;
    public static final int USAGE = 2;

    static final String HELP = """
            Usage: render [options] <file|directory|->...

            Prints the Deployments and Services the Agent Runtime Operator would create for the given objects, and the
            status it would report on each, as YAML. References are resolved among the given objects only.

            Options:
              --namespace <ns>                     namespace of objects that name none (default: default)
              --operator-namespace <ns>            the operator's namespace, whose AgentRuntimeConfiguration is
                                                   cluster-wide (default: %s)
              --default-ai-gateway-namespace <ns>  where Agents without aiGatewayRef find theirs (default: %s)
              --google-adk-image <image>           built-in google-adk template image (default: %s)
              --msaf-image <image>                 built-in msaf template image (default: %s)

            Exit codes: 0 rendered, 1 invalid input, 2 wrong usage.
            """.formatted(OperatorConfig.DEFAULT_OPERATOR_NAMESPACE, OperatorConfig.DEFAULT_AI_GATEWAY_NAMESPACE,
            OperatorConfig.DEFAULT_GOOGLE_ADK_IMAGE, OperatorConfig.DEFAULT_MSAF_IMAGE);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).disable(YAMLGenerator.Feature.SPLIT_LINES));
    private static final ObjectMapper JSON = new ObjectMapper();

    private RenderCommand() {
    }

    public static int run(List<String> args, InputStream stdin, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>(Map.of("--namespace", "default",
                "--operator-namespace", OperatorConfig.DEFAULT_OPERATOR_NAMESPACE,
                "--default-ai-gateway-namespace", OperatorConfig.DEFAULT_AI_GATEWAY_NAMESPACE,
                "--google-adk-image", OperatorConfig.DEFAULT_GOOGLE_ADK_IMAGE,
                "--msaf-image", OperatorConfig.DEFAULT_MSAF_IMAGE));
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                out.print(HELP);
                return RENDERED;
            } else if (options.containsKey(arg) && i + 1 < args.size()) {
                options.put(arg, args.get(++i));
            } else if (arg.startsWith("--") || options.containsKey(arg)) {
                err.println("render: unknown option or missing value: " + arg);
                err.print(HELP);
                return USAGE;
            } else {
                paths.add(arg);
            }
        }
        if (paths.isEmpty()) {
            err.println("render: no input; give files, directories or - for standard input");
            err.print(HELP);
            return USAGE;
        }

        List<HasMetadata> objects;
        try {
            objects = new ObjectLoader(options.get("--namespace"), err).load(ManifestReader.read(paths, stdin));
        } catch (InvalidInputException e) {
            err.println("render: " + e.getMessage());
            return INVALID_INPUT;
        }
        var settings = new OfflineCluster.Settings(options.get("--operator-namespace"), options.get("--default-ai-gateway-namespace"),
                AgentDefaults.builtIn(options.get("--google-adk-image"), options.get("--msaf-image")));
        for (HasMetadata object : new OfflineCluster(settings, objects).reconcile()) {
            out.print(yaml(object));
            reportNotReady(object, err);
        }
        return RENDERED;
    }

    /** The object as YAML, without condition times: they would only make every render differ from the last. */
    static String yaml(HasMetadata object) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(Serialization.asJson(object));
            tree.path("status").path("conditions").forEach(condition -> ((ObjectNode) condition).remove("lastTransitionTime"));
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A line on standard error for each object that would not be Ready or Accepted, so that a CI log shows why. */
    private static void reportNotReady(HasMetadata object, PrintStream err) {
        if (!(object instanceof CustomResource<?, ?> resource) || !(resource.getStatus() instanceof ConditionedStatus status)) {
            return;
        }
        for (Condition condition : status.getConditions()) {
            boolean summary = condition.getType().equals(Conditions.READY) || condition.getType().equals(Conditions.ACCEPTED);
            if (summary && condition.getStatus() != ConditionStatus.TRUE) {
                err.println(object.getKind() + " " + object.getMetadata().getNamespace() + "/" + object.getMetadata().getName() + ": "
                        + condition.getType() + "=" + condition.getStatus().value() + " " + condition.getReason() + ": "
                        + condition.getMessage());
            }
        }
    }
}
