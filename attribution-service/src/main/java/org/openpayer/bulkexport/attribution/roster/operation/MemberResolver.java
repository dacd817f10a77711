package org.openpayer.bulkexport.attribution.roster.operation;

import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.openpayer.bulkexport.attribution.store.ResourceStore;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.rest.FhirException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the member and provider an ATR operation names, by identifier (through the search index) or by
 * reference, to resources the server holds. A name that resolves to nothing, or to several resources, is a 422: the
 * request is well-formed but cannot be applied.
 */
@ApplicationScoped
public class MemberResolver {

    private static final String NPI = "http://hl7.org/fhir/sid/us-npi";
    private static final Set<String> PROVIDER_TYPES = Set.of("Practitioner", "PractitionerRole", "Organization");
    private static final String BY_IDENTIFIER = """
            select distinct r.id from attribution.search_token t
            join attribution.resource r on r.resource_type = t.resource_type and r.id = t.id and not r.deleted
            where t.resource_type = ? and t.param = 'identifier' and t.system = ? and t.code = ?""";
    private static final String COVERAGE_BENEFICIARY = """
            select distinct r.patient_id from attribution.search_token t
            join attribution.resource r on r.resource_type = t.resource_type and r.id = t.id and not r.deleted
            where t.resource_type = 'Coverage' and t.param = 'identifier' and t.system = ? and t.code = ?
              and r.patient_id is not null""";

    private final ResourceStore store;

    public MemberResolver(ResourceStore store) {
        this.store = store;
    }

    /** The Patient an operation names, by {@code memberId} or else by {@code patientReference}. */
    String patient(Connection connection, OperationParameters parameters) throws SQLException {
        Optional<Identifier> memberId = parameters.identifier("memberId");
        return memberId.isPresent()
                ? patientByMemberId(connection, memberId.get())
                : patientByReference(connection, parameters.reference("patientReference").orElseThrow());
    }

    /** The Patient a member identifier (Patient.identifier, else the Coverage's member id) names. */
    private String patientByMemberId(Connection connection, Identifier memberId) throws SQLException {
        List<String> patients = ids(connection, BY_IDENTIFIER, "Patient", memberId.getSystem(), memberId.getValue());
        if (patients.isEmpty()) {
            patients = ids(connection, COVERAGE_BENEFICIARY, memberId.getSystem(), memberId.getValue());
        }
        return single(patients, "member " + memberId.getSystem() + "|" + memberId.getValue(), "Patient");
    }

    /** The Patient a reference names, which must exist. */
    private String patientByReference(Connection connection, Reference reference) throws SQLException {
        String[] target = typeAndId(reference, Set.of("Patient"), "patientReference");
        requireExists(connection, target[0], target[1]);
        return target[1];
    }

    /** {@code Practitioner/…} (or PractitionerRole, Organization) carrying this NPI. */
    public String providerByNpi(Connection connection, Identifier npi) throws SQLException {
        if (!NPI.equals(npi.getSystem())) {
            throw FhirException.badRequest("providerNpi must have the NPI system " + NPI + ".");
        }
        for (String type : List.of("Practitioner", "PractitionerRole", "Organization")) {
            List<String> ids = ids(connection, BY_IDENTIFIER, type, NPI, npi.getValue());
            if (!ids.isEmpty()) {
                return type + "/" + single(ids, "NPI " + npi.getValue(), type);
            }
        }
        throw unprocessable("No Practitioner, PractitionerRole or Organization carries NPI " + npi.getValue() + ".");
    }

    /** A provider reference, which must name an existing Practitioner, PractitionerRole or Organization. */
    public String providerByReference(Connection connection, Reference reference) throws SQLException {
        String[] target = typeAndId(reference, PROVIDER_TYPES, "providerReference");
        requireExists(connection, target[0], target[1]);
        return target[0] + "/" + target[1];
    }

    /** The member's current Coverage, if the server holds exactly one. */
    public Optional<String> coverageOf(Connection connection, String patientId) throws SQLException {
        List<String> coverages = ids(connection, "select id from attribution.resource where resource_type = "
                + "'Coverage' and patient_id = ? and not deleted", patientId);
        return coverages.size() == 1 ? Optional.of("Coverage/" + coverages.get(0)) : Optional.empty();
    }

    private static String[] typeAndId(Reference reference, Set<String> types, String parameter) {
        String[] parts = reference.getReference().split("/");
        if (parts.length < 2 || !types.contains(parts[parts.length - 2])) {
            throw FhirException.badRequest(parameter + " must reference one of " + types + ", not '"
                    + reference.getReference() + "'.");
        }
        return new String[] {parts[parts.length - 2], parts[parts.length - 1]};
    }

    private void requireExists(Connection connection, String type, String id) throws SQLException {
        if (!store.exists(connection, type, id)) {
            throw unprocessable(type + "/" + id + " is not known to this server.");
        }
    }

    private static String single(List<String> ids, String what, String type) {
        if (ids.isEmpty()) {
            throw unprocessable("No " + type + " matches " + what + ".");
        }
        if (ids.size() > 1) {
            throw unprocessable(what + " matches " + ids.size() + " " + type + " resources; name one by reference.");
        }
        return ids.get(0);
    }

    private static List<String> ids(Connection connection, String sql, String... values) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getString(1));
                }
            }
        }
        return ids;
    }

    private static FhirException unprocessable(String message) {
        return FhirException.unprocessable(IssueType.PROCESSING, message);
    }
}
