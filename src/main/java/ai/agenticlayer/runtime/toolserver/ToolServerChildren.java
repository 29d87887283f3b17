package ai.agenticlayer.runtime.toolserver;

import static ai.agenticlayer.runtime.children.ChildObjects.APP_LABEL;
import static ai.agenticlayer.runtime.children.ChildObjects.labels;
import static ai.agenticlayer.runtime.children.ChildObjects.merge;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.agenticlayer.runtime.api.v1alpha1.Condition;
import ai.agenticlayer.runtime.api.v1alpha1.ToolProtocol;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServerSpec;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServerStatus;
import ai.agenticlayer.runtime.api.v1alpha1.TransportType;
import ai.agenticlayer.runtime.children.ChildObjects;
import ai.agenticlayer.runtime.children.EffectivePodSettings;
import ai.agenticlayer.runtime.children.ManagedLabels;
import ai.agenticlayer.runtime.configsource.ConfigSources;
import ai.agenticlayer.runtime.status.Conditions;
import ai.agenticlayer.runtime.status.DeploymentAvailability;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The Deployment and Service of a ToolServer, and its URL, as pure functions of the ToolServer. Defaults that depend
 * on other fields (port, path) are computed here rather than by a webhook, so they hold however the object was made.
 */
public final class ToolServerChildren {

    public static final String CONTAINER = "toolserver";
    public static final String PORT_NAME = "toolserver";
    public static final String COMPONENT = "toolserver";
    public static final int DEFAULT_PORT = 8080;

    private ToolServerChildren() {
    }

    public static int port(ToolServerSpec spec) {
        return spec.getPort() == null || spec.getPort() == 0 ? DEFAULT_PORT : spec.getPort();
    }

    /** The MCP endpoint: {@code /mcp} for http, {@code /sse} for sse, unless the ToolServer sets one. */
    public static String path(ToolServerSpec spec) {
        if (spec.getPath() != null && !spec.getPath().isEmpty()) {
            return spec.getPath();
        }
        return transport(spec) == TransportType.SSE ? "/sse" : "/mcp";
    }

    /**
     * The path to write into an sse ToolServer's spec when it sets none. Tool gateway implementations read
     * {@code spec.path} and fall back to {@code /mcp} whatever the transport (agentgateway does), as the original's
     * defaulting webhook let them; for http that fallback is the default already, so only sse needs it written.
     */
    public static Optional<String> pathForGateways(ToolServerSpec spec) {
        boolean unset = spec.getPath() == null || spec.getPath().isEmpty();
        return unset && transport(spec) == TransportType.SSE ? Optional.of(path(spec)) : Optional.empty();
    }

    public static TransportType transport(ToolServerSpec spec) {
        return spec.getTransportType() == null ? TransportType.HTTP : spec.getTransportType();
    }

    public static ToolProtocol protocol(ToolServerSpec spec) {
        return spec.getProtocol() == null ? ToolProtocol.MCP : spec.getProtocol();
    }

    /** {@code http://<name>.<namespace>.svc.cluster.local:<port><path>}: what Agents and ToolRoutes connect to. */
    public static String url(ToolServer toolServer) {
        return "http://" + toolServer.getMetadata().getName() + "." + toolServer.getMetadata().getNamespace()
                + ".svc.cluster.local:" + port(toolServer.getSpec()) + path(toolServer.getSpec());
    }

    /**
     * The status after a reconcile: Ready unless it failed; after a failure the URL stays while the Service exists, so
     * that Agents using the server are not cut off for nothing. Available mirrors the Deployment.
     */
    public static ToolServerStatus status(ToolServer toolServer, Optional<Conditions.Failure> failure, boolean serviceExists,
            Optional<Deployment> deployment, Instant now) {
        ToolServerStatus previous = toolServer.getStatus();
        Long generation = toolServer.getMetadata().getGeneration();
        ToolServerStatus status = new ToolServerStatus();
        status.setUrl(failure.isEmpty() ? url(toolServer) : serviceExists && previous != null ? previous.getUrl() : null);
        Condition ready = failure.map(f -> Conditions.condition(Conditions.READY, false, f.reason(), f.message(), generation))
                .orElseGet(() -> Conditions.condition(Conditions.READY, true, "Reconciled", "ToolServer is ready", generation));
        Condition available = DeploymentAvailability.of(deployment, toolServer.getMetadata().getName(), generation);
        status.setConditions(Conditions.merge(previous == null ? null : previous.getConditions(), List.of(ready, available), now));
        status.setObservedGeneration(generation);
        DeploymentAvailability.reportReplicas(status, deployment);
        return status;
    }

    /** The Deployment. Replicas are owned only when the ToolServer sets them (created with one otherwise). */
    public static Deployment deployment(ToolServer toolServer, ConfigSources.Lookup configSources) {
        ToolServerSpec spec = toolServer.getSpec();
        int port = port(spec);
        PodSpec pod = EffectivePodSettings.NONE.refinedBy(spec).applyTo(new PodSpecBuilder())
                .withContainers(new ContainerBuilder()
                        .withName(CONTAINER)
                        .withImage(spec.getImage())
                        .withCommand(spec.getCommand())
                        .withArgs(spec.getArgs())
                        .withPorts(new ContainerPortBuilder().withName(PORT_NAME).withContainerPort(port).withProtocol("TCP").build())
                        .withEnv(environment(toolServer))
                        .withEnvFrom(spec.getEnvFrom())
                        .withReadinessProbe(readinessProbe(port))
                        .withResources(spec.getResources() == null ? ChildObjects.defaultResources() : spec.getResources())
                        .withSecurityContext(spec.getSecurityContext() == null ? ChildObjects.restrictedSecurityContext()
                                : spec.getSecurityContext())
                        .build())
                .build();
        return ChildObjects.deployment(toolServer, childLabels(toolServer), spec.getCommonMetadata(), spec.getPodMetadata(),
                spec.getReplicas(), pod, ConfigSources.hash(toolServer.getMetadata().getNamespace(),
                        ConfigSources.of(spec.getEnv(), spec.getEnvFrom()), configSources));
    }

    /** The Service: one port named {@code toolserver}, selecting the ToolServer's pods. */
    public static Service service(ToolServer toolServer) {
        int port = port(toolServer.getSpec());
        return ChildObjects.service(toolServer, childLabels(toolServer), toolServer.getSpec().getCommonMetadata(),
                List.of(new ServicePortBuilder().withName(PORT_NAME).withPort(port).withTargetPort(new IntOrString(port))
                        .withProtocol("TCP").build()));
    }

    /** The telemetry defaults of the original operator, then the user's {@code env}, sorted by name. */
    static List<EnvVar> environment(ToolServer toolServer) {
        Map<String, EnvVar> defaults = new LinkedHashMap<>();
        defaults.put("OTEL_SEMCONV_STABILITY_OPT_IN", new EnvVar("OTEL_SEMCONV_STABILITY_OPT_IN", "gen_ai_latest_experimental", null));
        defaults.put("OTEL_SERVICE_NAME", new EnvVar("OTEL_SERVICE_NAME", toolServer.getMetadata().getName(), null));
        return ChildObjects.environment(defaults, toolServer.getSpec().getEnv());
    }

    /** A TCP check of the port, with the original operator's timings. */
    static Probe readinessProbe(int port) {
        return ChildObjects.readinessProbe(new ProbeBuilder().withNewTcpSocket().withPort(new IntOrString(port)).endTcpSocket());
    }

    private static Map<String, String> childLabels(ToolServer toolServer) {
        ToolServerSpec spec = toolServer.getSpec();
        return merge(labels(spec.getCommonMetadata()), ManagedLabels.forComponent(COMPONENT), Map.of(
                APP_LABEL, toolServer.getMetadata().getName(),
                "protocol", protocol(spec).value(),
                "transport", transport(spec).value()));
    }
}
