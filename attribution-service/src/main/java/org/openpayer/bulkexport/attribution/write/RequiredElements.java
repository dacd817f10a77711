package org.openpayer.bulkexport.attribution.write;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.openpayer.bulkexport.attribution.load.FhirJson;

import java.util.ArrayList;
import java.util.List;

/**
 * FHIR R4's cardinality rule {@code min >= 1}, checked on every element present: the strict parser accepts a
 * resource with required elements missing, which the server must not store, since it would later be served and
 * exported as valid. Contained resources are checked like the resource itself.
 */
@ApplicationScoped
public class RequiredElements {

    private final FhirContext context;

    public RequiredElements(FhirJson fhir) {
        this.context = fhir.context();
    }

    /** The paths of required elements that are missing, e.g. {@code Observation.status}; empty when valid. */
    public List<String> missing(Resource resource) {
        List<String> missing = new ArrayList<>();
        check(resource, context.getResourceDefinition(resource), resource.fhirType(), missing);
        return missing;
    }

    private void check(IBase element, BaseRuntimeElementCompositeDefinition<?> definition, String path,
                       List<String> missing) {
        for (BaseRuntimeChildDefinition child : definition.getChildren()) {
            List<? extends IBase> values = child.getAccessor().getValues(element);
            String childPath = path + "." + child.getElementName();
            if (child.getMin() > 0 && values.stream().allMatch(IBase::isEmpty)) {
                missing.add(childPath);
                continue;
            }
            for (IBase value : values) {
                BaseRuntimeElementDefinition<?> valueDefinition = value instanceof IBaseResource resource
                        ? context.getResourceDefinition(resource) : context.getElementDefinition(value.getClass());
                if (valueDefinition instanceof BaseRuntimeElementCompositeDefinition<?> composite && !value.isEmpty()) {
                    check(value, composite, childPath, missing);
                }
            }
        }
    }
}
