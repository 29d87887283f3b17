package ai.agenticlayer.runtime.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** An MCP tool server: the operator runs it as a Deployment and a Service named after it. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Plural("toolservers")
@ShortNames("ts")
@Categories(ApiGroup.CATEGORY)
@ValidationRule(value = ServiceNameRules.DNS_1035, message = ServiceNameRules.DNS_1035_MESSAGE)
@ValidationRule(value = ServiceNameRules.MAX_LENGTH, message = ServiceNameRules.MAX_LENGTH_MESSAGE)
@AdditionalPrinterColumn(name = "Transport", jsonPath = ".spec.transportType", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = PrinterColumns.READY, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Pods", jsonPath = ".status.pods", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "URL", jsonPath = ".status.url", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Paused", jsonPath = PrinterColumns.PAUSED, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = PrinterColumns.AGE, type = AdditionalPrinterColumn.Type.DATE)
public class ToolServer extends CustomResource<ToolServerSpec, ToolServerStatus> implements Namespaced {

    /** An object without spec behaves as one with an empty spec. */
    @Override
    protected ToolServerSpec initSpec() {
        return new ToolServerSpec();
    }
}
