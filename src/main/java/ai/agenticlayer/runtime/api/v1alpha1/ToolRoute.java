package ai.agenticlayer.runtime.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A route through a ToolGateway to an MCP server. Reconciled by the ToolGateway implementation. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Plural("toolroutes")
@ShortNames("tr")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(name = "Gateway", jsonPath = ".spec.toolGatewayRef.name", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "URL", jsonPath = ".status.url", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = PrinterColumns.READY, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = PrinterColumns.AGE, type = AdditionalPrinterColumn.Type.DATE)
public class ToolRoute extends CustomResource<ToolRouteSpec, ToolRouteStatus> implements Namespaced {
}
