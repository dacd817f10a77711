package org.openpayer.bulkexport.attribution.load;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Parameters;
import org.openpayer.bulkexport.rest.FhirException;

/**
 * The service's one HAPI FHIR R4 context. Building a context is expensive and it is thread-safe; parsers are cheap and
 * are not, so each use gets a fresh one. Parsing is strict: unknown elements and malformed values are errors, because
 * whatever is stored is later served and exported as is.
 */
@ApplicationScoped
public class FhirJson {

    private final FhirContext context = FhirContext.forR4Cached();

    public IParser strictParser() {
        return context.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }

    /** Compact, one-line JSON: the form resources are stored, served and exported in. */
    public IParser compactWriter() {
        return context.newJsonParser().setPrettyPrint(false);
    }

    /** The body of a FHIR operation: a Parameters resource, parsed strictly; anything else is a 400. */
    public Parameters operationParameters(String body) {
        if (body == null || body.isBlank()) {
            throw FhirException.badRequest("The operation takes a Parameters resource as its body.");
        }
        try {
            if (strictParser().parseResource(body) instanceof Parameters parameters) {
                return parameters;
            }
        } catch (DataFormatException e) {
            throw FhirException.badRequest("The body is not a valid FHIR R4 Parameters resource: " + e.getMessage());
        }
        throw FhirException.badRequest("The operation takes a Parameters resource as its body.");
    }

    public FhirContext context() {
        return context;
    }
}
