package org.openpayer.bulkexport.attribution.payerpull.task;

import ca.uhn.fhir.parser.DataFormatException;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Resource;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.attribution.payerpull.PullRequest;
import org.openpayer.bulkexport.attribution.write.RequiredElements;
import org.openpayer.bulkexport.model.fhir.ExportParameter;
import org.openpayer.bulkexport.model.fhir.hrex.MemberMatchParameter;
import org.openpayer.bulkexport.model.fhir.pull.PayerPullVocabulary;
import org.openpayer.bulkexport.rest.FhirException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads {@code $payer-pull}'s Parameters: {@code remotePayer} (required), then either {@code remoteMemberId} or the
 * $member-match inputs ({@code CoverageToMatch}, {@code CoverageToLink}, {@code Consent}, all three) or neither (the
 * id an earlier match found), and the Bulk parameters {@code _type}, {@code _since}, {@code _typeFilter} passed through
 * to the export. Syntax is checked here (400 naming the parameter), and so are the elements FHIR R4 requires of the
 * match inputs, so a request the old payer could only refuse is refused now; what it makes of the rest is its answer.
 */
@ApplicationScoped
public class PullRequestReader {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern TYPE_LIST = Pattern.compile("[A-Z][A-Za-z]*(,[A-Z][A-Za-z]*)*");
    private static final Pattern TYPE_FILTER = Pattern.compile("[A-Z][A-Za-z]*\\?.+");
    private static final String MATCH_INPUTS = "CoverageToMatch, CoverageToLink and Consent";
    /** Set to MemberPatient by the match itself when the request leaves it out (HRex requires that reference). */
    private static final String DEFAULTED = "Coverage.beneficiary";
    private static final Set<String> NAMES = Set.of(PayerPullVocabulary.REMOTE_PAYER,
            PayerPullVocabulary.REMOTE_MEMBER_ID, MemberMatchParameter.COVERAGE_TO_MATCH.parameterName(),
            MemberMatchParameter.COVERAGE_TO_LINK.parameterName(), MemberMatchParameter.CONSENT.parameterName(),
            ExportParameter.TYPE.wireName(), ExportParameter.SINCE.wireName(), ExportParameter.TYPE_FILTER.wireName());

    /** A request as read: the payer to pull from and the rest of the pull. */
    record Read(UUID remotePayerId, PullRequest request) {
    }

    private final FhirJson fhir;
    private final RequiredElements requiredElements;

    public PullRequestReader(FhirJson fhir, RequiredElements requiredElements) {
        this.fhir = fhir;
        this.requiredElements = requiredElements;
    }

    Read read(Parameters parameters) {
        Map<String, List<Parameters.ParametersParameterComponent>> byName = new HashMap<>();
        for (Parameters.ParametersParameterComponent parameter : parameters.getParameter()) {
            if (!NAMES.contains(parameter.getName())) {
                throw FhirException.badRequest("$payer-pull takes remotePayer, remoteMemberId, " + MATCH_INPUTS
                        + ", _type, _since and _typeFilter; not " + parameter.getName() + ".");
            }
            byName.computeIfAbsent(parameter.getName(), name -> new ArrayList<>()).add(parameter);
        }
        String payer = single(byName, PayerPullVocabulary.REMOTE_PAYER);
        if (payer == null) {
            throw FhirException.badRequest("remotePayer is required: the id of a registered payer to pull from.");
        }
        String remoteMemberId = single(byName, PayerPullVocabulary.REMOTE_MEMBER_ID);
        if (remoteMemberId != null && !ID.matcher(remoteMemberId).matches()) {
            throw FhirException.badRequest("remoteMemberId is the member's Patient id at the old payer: 1 to 64 "
                    + "letters, digits, '-' or '.'.");
        }
        PullRequest.MatchInputs match = matchInputs(byName);
        if (match != null && remoteMemberId != null) {
            throw FhirException.badRequest("Give either remoteMemberId (no $member-match) or " + MATCH_INPUTS
                    + " (to match), not both.");
        }
        return new Read(uuid(payer), new PullRequest(remoteMemberId, match, bulk(byName)));
    }

    private PullRequest.MatchInputs matchInputs(Map<String, List<Parameters.ParametersParameterComponent>> byName) {
        Coverage toMatch = resource(byName, MemberMatchParameter.COVERAGE_TO_MATCH.parameterName(), Coverage.class);
        Coverage toLink = resource(byName, MemberMatchParameter.COVERAGE_TO_LINK.parameterName(), Coverage.class);
        Consent consent = resource(byName, MemberMatchParameter.CONSENT.parameterName(), Consent.class);
        if (toMatch == null && toLink == null && consent == null) {
            return null;
        }
        if (toMatch == null || toLink == null || consent == null) {
            throw FhirException.badRequest("$member-match needs " + MATCH_INPUTS + " together (the old payer "
                    + "requires each); leave all three out to use the member's id from an earlier match.");
        }
        return new PullRequest.MatchInputs(json(toMatch), json(toLink), json(consent));
    }

    private static PullRequest.BulkParameters bulk(Map<String, List<Parameters.ParametersParameterComponent>> byName) {
        String type = single(byName, ExportParameter.TYPE.wireName());
        if (type != null && !TYPE_LIST.matcher(type).matches()) {
            throw FhirException.badRequest("_type is a comma-separated list of resource types: " + type);
        }
        String since = single(byName, ExportParameter.SINCE.wireName());
        if (since != null) {
            try {
                InstantType instant = new InstantType(since);
                if (instant.getTimeZone() == null) {
                    throw new DataFormatException("no time zone");
                }
            } catch (DataFormatException | IllegalArgumentException e) {
                throw FhirException.badRequest("_since is a FHIR instant with a time zone, e.g. "
                        + "2026-01-01T00:00:00Z: " + since);
            }
        }
        List<String> filters = new ArrayList<>();
        for (Parameters.ParametersParameterComponent parameter
                : byName.getOrDefault(ExportParameter.TYPE_FILTER.wireName(), List.of())) {
            String filter = primitive(parameter);
            if (!TYPE_FILTER.matcher(filter).matches()) {
                throw FhirException.badRequest("_typeFilter is a FHIR search query, Type?parameter=value: " + filter);
            }
            filters.add(filter);
        }
        return new PullRequest.BulkParameters(type, since, filters);
    }

    private static String single(Map<String, List<Parameters.ParametersParameterComponent>> byName, String name) {
        List<Parameters.ParametersParameterComponent> values = byName.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw FhirException.badRequest(name + " may be given once.");
        }
        return values.isEmpty() ? null : primitive(values.get(0));
    }

    private static String primitive(Parameters.ParametersParameterComponent parameter) {
        if (!(parameter.getValue() instanceof PrimitiveType<?> value) || value.getValueAsString() == null
                || value.getValueAsString().isBlank()) {
            throw FhirException.badRequest(parameter.getName() + " takes a value (valueString, or the type's own).");
        }
        return value.getValueAsString().strip();
    }

    private <T extends Resource> T resource(Map<String, List<Parameters.ParametersParameterComponent>> byName,
                                                   String name, Class<T> type) {
        List<Parameters.ParametersParameterComponent> values = byName.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw FhirException.badRequest(name + " may be given once.");
        }
        if (values.isEmpty()) {
            return null;
        }
        if (!type.isInstance(values.get(0).getResource())) {
            throw FhirException.badRequest(name + " takes a " + type.getSimpleName() + " resource.");
        }
        T resource = type.cast(values.get(0).getResource());
        List<String> missing = requiredElements.missing(resource).stream().filter(path -> !path.equals(DEFAULTED))
                .toList();
        if (!missing.isEmpty()) {
            throw FhirException.badRequest(name + " lacks what FHIR R4 requires: " + String.join(", ", missing)
                    + ".");
        }
        return resource;
    }

    private String json(Resource resource) {
        return fhir.compactWriter().encodeResourceToString(resource);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw FhirException.badRequest("remotePayer names no registered payer: " + id);
        }
    }
}
