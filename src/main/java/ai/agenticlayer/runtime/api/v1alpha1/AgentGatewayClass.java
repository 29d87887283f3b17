package ai.agenticlayer.runtime.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The implementation of AgentGateways, registered by the operator that implements them (cluster-scoped). The annotation
 * {@value #DEFAULT_CLASS_ANNOTATION}: "true" makes a class the default for gateways that name none.
 */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Plural("agentgatewayclasses")
@ShortNames("agwc")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(name = "Controller", jsonPath = ".spec.controller", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = PrinterColumns.AGE, type = AdditionalPrinterColumn.Type.DATE)
public class AgentGatewayClass extends CustomResource<GatewayClassSpec, ConditionedStatus> {
    public static final String DEFAULT_CLASS_ANNOTATION = "agentgatewayclass.kubernetes.io/is-default-class";
}
