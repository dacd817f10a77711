package org.openpayer.bulkexport.attribution.search;

import ca.uhn.fhir.util.FhirTerser;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumeration;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Timing;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.search.IndexedParameter;
import org.openpayer.bulkexport.search.SearchParameterCatalog;
import org.openpayer.bulkexport.search.DateRange;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the values a resource is searched by, from the parsed resource the store is about to write: parsing happens
 * once per write anyway (to validate), so the index costs no second parse.
 */
@ApplicationScoped
public class SearchValueExtractor {

    /** Longer values cannot be search input anyone types; the index column is bounded. */
    private static final int MAX_CODE_LENGTH = 512;
    private static final int MAX_SYSTEM_LENGTH = 1024;

    private final SearchParameterCatalog catalog;
    private final FhirTerser terser;

    public SearchValueExtractor(SearchParameterCatalog catalog, FhirJson fhir) {
        this.catalog = catalog;
        this.terser = fhir.context().newTerser();
    }

    public SearchIndexValues extract(Resource resource, ResourceType type) {
        Set<SearchIndexValues.Token> tokens = new LinkedHashSet<>();
        List<SearchIndexValues.Date> dates = new ArrayList<>();
        for (IndexedParameter parameter : catalog.parameters(type).values()) {
            for (String path : parameter.paths()) {
                for (IBase value : terser.getValues(resource, path)) {
                    if (parameter.onlyDatatype() != null && !parameter.onlyDatatype().isInstance(value)) {
                        continue;
                    }
                    switch (parameter.kind()) {
                        case TOKEN -> addTokens(parameter.name(), value, tokens);
                        case DATE -> addDates(parameter.name(), value, dates);
                        case PATIENT -> { }
                    }
                }
            }
        }
        return new SearchIndexValues(List.copyOf(tokens), List.copyOf(dates));
    }

    private static void addTokens(String param, IBase value, Set<SearchIndexValues.Token> tokens) {
        if (value instanceof Identifier identifier) {
            addToken(param, identifier.getSystem(), identifier.getValue(), tokens);
        } else if (value instanceof CodeableConcept concept) {
            concept.getCoding().forEach(coding -> addToken(param, coding.getSystem(), coding.getCode(), tokens));
        } else if (value instanceof Coding coding) {
            addToken(param, coding.getSystem(), coding.getCode(), tokens);
        } else if (value instanceof Enumeration<?> enumeration) {
            addToken(param, enumeration.getSystem(), enumeration.getValueAsString(), tokens);
        } else if (value instanceof PrimitiveType<?> primitive) {
            addToken(param, null, primitive.getValueAsString(), tokens);
        }
    }

    private static void addToken(String param, String system, String code, Set<SearchIndexValues.Token> tokens) {
        if (code == null || code.isEmpty() || code.length() > MAX_CODE_LENGTH
                || (system != null && system.length() > MAX_SYSTEM_LENGTH)) {
            return;
        }
        tokens.add(new SearchIndexValues.Token(param, system == null ? "" : system, code));
    }

    private static void addDates(String param, IBase value, List<SearchIndexValues.Date> dates) {
        if (value instanceof BaseDateTimeType date && date.getValue() != null) {
            dates.add(new SearchIndexValues.Date(param, DateRange.of(date)));
        } else if (value instanceof Period period && !period.isEmpty()) {
            dates.add(new SearchIndexValues.Date(param,
                    DateRange.between(period.getStartElement(), period.getEndElement())));
        } else if (value instanceof Timing timing) {
            timing.getEvent().stream().filter(event -> event.getValue() != null)
                    .forEach(event -> dates.add(new SearchIndexValues.Date(param, DateRange.of(event))));
        }
    }
}
