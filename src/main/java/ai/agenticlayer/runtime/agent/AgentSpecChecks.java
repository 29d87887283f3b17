package ai.agenticlayer.runtime.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.agenticlayer.runtime.api.v1alpha1.AgentSpec;
import ai.agenticlayer.runtime.api.v1alpha1.AgentTool;
import ai.agenticlayer.runtime.api.v1alpha1.Framework;
import ai.agenticlayer.runtime.api.v1alpha1.SubAgent;
import io.fabric8.kubernetes.api.model.VolumeMount;

/**
 * Spec errors that the CRD's CEL rules cannot decide, reported as {@code InvalidSpec} with the field path, in the
 * API server's message style.
 */
public final class AgentSpecChecks {

    private AgentSpecChecks() {
    }

    public static List<String> problems(AgentSpec spec) {
        List<String> problems = new ArrayList<>();
        if (spec.getFramework() == Framework.CUSTOM && (spec.getImage() == null || spec.getImage().isEmpty())) {
            problems.add("spec.image: Required value: framework \"custom\" requires a custom image");
        }
        duplicateProtocols(AgentProtocols.of(spec), problems);
        nestedMountPaths(spec.getVolumeMounts(), problems);
        duplicateNames(spec.getSubAgents() == null ? List.of()
                : spec.getSubAgents().stream().map(SubAgent::getName).map(AgentNaming::sanitizeAgentName).toList(),
                "spec.subAgents", "name", "sub-agent names must stay distinct once made identifiers (SUB_AGENTS keys)", problems);
        duplicateNames(spec.getTools() == null ? List.of() : spec.getTools().stream().map(AgentTool::getName).toList(),
                "spec.tools", "name", "tool names are the keys of AGENT_TOOLS", problems);
        return problems;
    }

    private static void duplicateProtocols(List<AgentProtocols.Protocol> protocols, List<String> problems) {
        duplicateNames(protocols.stream().map(p -> String.valueOf(p.port())).toList(), "spec.protocols", "port",
                "each protocol needs its own port", problems);
        duplicateNames(protocols.stream().map(AgentProtocols.Protocol::name).toList(), "spec.protocols", "name",
                "port names must be unique in the container and the Service", problems);
    }

    private static void duplicateNames(List<String> values, String list, String field, String why, List<String> problems) {
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            Integer first = firstIndex.putIfAbsent(values.get(i), i);
            if (first != null) {
                problems.add(list + "[" + i + "]." + field + ": Duplicate value: \"" + values.get(i) + "\" (as "
                        + list + "[" + first + "]): " + why);
            }
        }
    }

    /** A mount inside another mount of the same container shadows files; paths are compared cleaned. */
    private static void nestedMountPaths(List<? extends VolumeMount> mounts, List<String> problems) {
        if (mounts == null) {
            return;
        }
        for (int j = 0; j < mounts.size(); j++) {
            String child = clean(mounts.get(j).getMountPath());
            for (int k = 0; k < mounts.size() && !child.isEmpty(); k++) {
                String parent = clean(mounts.get(k).getMountPath());
                if (k != j && !parent.isEmpty() && !parent.equals(child)
                        && child.startsWith(parent.endsWith("/") ? parent : parent + "/")) {
                    problems.add("spec.volumeMounts[" + j + "].mountPath: Invalid value: \"" + mounts.get(j).getMountPath()
                            + "\": mountPath \"" + child + "\" is nested under \"" + parent + "\" (index " + k + ")");
                    break;
                }
            }
        }
    }

    private static String clean(String path) {
        return path == null || path.isEmpty() ? "" : Path.of(path).normalize().toString();
    }
}
