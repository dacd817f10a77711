package org.openpayer.bulkexport.export.worker;

import org.openpayer.bulkexport.export.roster.PayerConsentSql;
import org.openpayer.bulkexport.model.event.ExportTaskPlanned;
import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.model.fhir.hrex.HrexConsentPolicy;
import org.openpayer.bulkexport.model.fhir.hrex.SensitiveDataLabels;
import org.openpayer.bulkexport.search.SqlCondition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a task of a payer-to-payer export (a Group of matched members) may send, decided when the task runs, since
 * PDex asks the export to re-check consent:
 * <ul>
 *   <li>only the task's members whose Consent is in force now;</li>
 *   <li>under a {@code #regular} Consent no resource carrying a sensitive {@code meta.security} label
 *   ({@link SensitiveDataLabels}), under {@code #sensitive} everything;</li>
 *   <li>PDex's five-year window of claims and clinical data: a resource whose clinical date (the type's {@code date}
 *   search value, e.g. Observation.effective, Encounter.period) ends before it is left out, and one without such a
 *   date by when it last changed. Patient, Coverage and RelatedPerson are not claims or clinical data and always go.
 *   The window is counted back from the job's {@code transactionTime}, so a task run again sends the same data.</li>
 * </ul>
 * The conditions are SQL over the stored JSON and the search index: the label test parses a row's JSON only when its
 * text mentions {@code "security"} at all, so the rows are still copied, not parsed, on the hot path.
 *
 * @param patients         the task's members whose Consent is in force
 * @param sensitiveAllowed those of them whose Consent allows sensitive data
 * @param notBefore        the start of the data window
 */
record ConsentScope(List<String> patients, List<String> sensitiveAllowed, Instant notBefore) {

    /** PDex: the payer-to-payer data window of claims and clinical data, in years. */
    static final int WINDOW_YEARS = 5;

    private static final Set<ResourceType> OUTSIDE_WINDOW = Set.of(ResourceType.Patient, ResourceType.Coverage,
            ResourceType.RelatedPerson);
    private static final String NOT_SENSITIVE = "(r.patient_id = any(?) or strpos(r.content, '\"security\"') = 0 "
            + "or not coalesce((r.content::jsonb -> 'meta' -> 'security') @> any(?::jsonb[]), false))";
    private static final String CLINICAL_DATE = "select 1 from attribution.search_date d where d.resource_type = "
            + "r.resource_type and d.id = r.id and d.param = 'date'";
    private static final String IN_WINDOW = "(exists (" + CLINICAL_DATE + " and d.high > ?) or (r.last_updated >= ? "
            + "and not exists (" + CLINICAL_DATE + ")))";
    private static final String[] SENSITIVE_LABELS = SensitiveDataLabels.ALL.stream()
            .map(SensitiveDataLabels.Label::asSecurityArray).toArray(String[]::new);

    ConsentScope {
        patients = List.copyOf(patients);
        sensitiveAllowed = List.copyOf(sensitiveAllowed);
    }

    /** The scope of a task of a Group of matched members; empty for any other export's task. */
    static Optional<ConsentScope> of(Connection connection, ExportTaskPlanned task) throws SQLException {
        if (task.groupId() == null) {
            return Optional.empty();
        }
        Optional<String> owner = owner(connection, task.groupId());
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        Instant notBefore = task.transactionTime().atOffset(ZoneOffset.UTC).minusYears(WINDOW_YEARS).toInstant();
        List<String> patients = new ArrayList<>();
        List<String> sensitiveAllowed = new ArrayList<>();
        if (!owner.get().equals(task.clientId())) {
            // the kick-off lets only the owner export it; should another client's task get here, it sends nothing
            return Optional.of(new ConsentScope(patients, sensitiveAllowed, notBefore));
        }
        try (PreparedStatement statement = connection.prepareStatement(PayerConsentSql.IN_FORCE_POLICIES)) {
            statement.setString(1, task.groupId());
            statement.setString(2, task.clientId());
            statement.setArray(3, connection.createArrayOf("varchar", task.patientIds().toArray()));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    patients.add(row.getString(1));
                    if (HrexConsentPolicy.SENSITIVE.code().equals(row.getString(2))) {
                        sensitiveAllowed.add(row.getString(1));
                    }
                }
            }
        }
        return Optional.of(new ConsentScope(patients, sensitiveAllowed, notBefore));
    }

    /** The conditions on the rows of one type, beyond the narrowing to {@link #patients}. */
    List<SqlCondition> conditions(ResourceType type) {
        List<SqlCondition> conditions = new ArrayList<>();
        conditions.add(new SqlCondition(NOT_SENSITIVE, List.of(sensitiveAllowed.toArray(String[]::new),
                SENSITIVE_LABELS)));
        if (!OUTSIDE_WINDOW.contains(type)) {
            conditions.add(new SqlCondition(IN_WINDOW, List.of(Timestamp.from(notBefore),
                    Timestamp.from(notBefore))));
        }
        return conditions;
    }

    private static Optional<String> owner(Connection connection, String groupId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(PayerConsentSql.MATCH_GROUP_OWNER)) {
            statement.setString(1, groupId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
