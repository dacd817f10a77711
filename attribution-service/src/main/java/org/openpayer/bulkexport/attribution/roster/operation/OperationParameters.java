package org.openpayer.bulkexport.attribution.roster.operation;

import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.openpayer.bulkexport.rest.FhirException;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The input of an ATR operation: a FHIR Parameters resource whose parameters are each given at most once, with the
 * datatype the OperationDefinition declares. Anything else is refused with a 400 naming the parameter.
 */
final class OperationParameters {

    private final String operation;
    private final Parameters parameters;

    OperationParameters(String operation, Parameters parameters, Set<String> accepted) {
        this.operation = operation;
        this.parameters = parameters;
        Set<String> seen = new TreeSet<>();
        for (Parameters.ParametersParameterComponent parameter : parameters.getParameter()) {
            if (!accepted.contains(parameter.getName())) {
                throw FhirException.badRequest("$" + operation + " has no parameter '" + parameter.getName()
                        + "'; it takes " + String.join(", ", new TreeSet<>(accepted)) + ".");
            }
            if (!seen.add(parameter.getName())) {
                throw FhirException.badRequest("$" + operation + ": '" + parameter.getName()
                        + "' is given more than once.");
            }
        }
    }

    Optional<Identifier> identifier(String name) {
        return value(name, Identifier.class).filter(identifier -> {
            if (!identifier.hasSystem() || !identifier.hasValue()) {
                throw FhirException.badRequest("$" + operation + ": " + name + " needs a system and a value.");
            }
            return true;
        });
    }

    Optional<Reference> reference(String name) {
        return value(name, Reference.class).filter(reference -> {
            if (!reference.hasReference()) {
                throw FhirException.badRequest("$" + operation + ": " + name + " needs a literal reference such "
                        + "as Patient/123.");
            }
            return true;
        });
    }

    Optional<Period> period(String name) {
        return value(name, Period.class);
    }

    boolean has(String name) {
        return parameters.getParameter().stream().anyMatch(parameter -> parameter.getName().equals(name));
    }

    /** Refuses the call unless the parameters given are exactly one of the combinations the operation takes. */
    void requireOneOf(List<Set<String>> combinations, Set<String> optional) {
        Set<String> given = new TreeSet<>();
        parameters.getParameter().forEach(parameter -> given.add(parameter.getName()));
        given.removeAll(optional);
        if (combinations.stream().noneMatch(given::equals)) {
            throw FhirException.badRequest("$" + operation + " takes one of these parameter combinations: "
                    + combinations.stream().map(combination -> String.join("+", new TreeSet<>(combination)))
                    .toList() + "; got " + (given.isEmpty() ? "none" : String.join("+", given)) + ".");
        }
    }

    private <T extends Type> Optional<T> value(String name, Class<T> type) {
        return parameters.getParameter().stream().filter(parameter -> parameter.getName().equals(name))
                .findFirst().map(parameter -> {
                    if (!type.isInstance(parameter.getValue())) {
                        throw FhirException.badRequest("$" + operation + ": " + name + " must be a value"
                                + type.getSimpleName() + ".");
                    }
                    return type.cast(parameter.getValue());
                });
    }
}
