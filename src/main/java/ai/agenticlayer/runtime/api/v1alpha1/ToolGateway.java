package ai.agenticlayer.runtime.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A gateway that serves ToolRoutes; reconciled by the implementation its class names. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Plural("toolgateways")
@ShortNames("tgw")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(name = "Class", jsonPath = ".spec.toolGatewayClassName", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "URL", jsonPath = ".status.url", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = PrinterColumns.READY, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = PrinterColumns.AGE, type = AdditionalPrinterColumn.Type.DATE)
public class ToolGateway extends CustomResource<ToolGatewaySpec, ToolGatewayStatus> implements Namespaced {
}
