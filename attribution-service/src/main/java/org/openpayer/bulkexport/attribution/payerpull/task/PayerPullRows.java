package org.openpayer.bulkexport.attribution.payerpull.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openpayer.bulkexport.attribution.payerpull.PullOutcome;
import org.openpayer.bulkexport.attribution.payerpull.PullRequest;
import org.openpayer.bulkexport.attribution.payerpull.PullStep;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** How a {@code payer_pull} row is read, and how its JSON columns (request, outcome) are written. */
final class PayerPullRows {

    /** The columns {@link #read} takes, in its order, of {@code payer_pull p}. */
    static final String COLUMNS = "p.id, p.client_id, p.patient_id, p.remote_payer_id, p.request::text, "
            + "p.status, p.step, p.progress, p.status_reason, p.remote_patient_id, p.remote_member_identifier, "
            + "p.export_status_url, p.outcome::text, p.attempts, p.created_at, p.started_at, p.updated_at, "
            + "p.finished_at";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PayerPullRows() {
    }

    static PayerPull read(ResultSet row) throws SQLException {
        String step = row.getString(7);
        String outcome = row.getString(13);
        return new PayerPull(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                row.getObject(4, UUID.class), read(row.getString(5), PullRequest.class),
                PullStatus.byCode(row.getString(6)), step == null ? null : PullStep.byCode(step), row.getString(8),
                row.getString(9), row.getString(10), row.getString(11), row.getString(12),
                outcome == null ? null : read(outcome, PullOutcome.class), row.getInt(14),
                new PayerPull.Times(instant(row, 15), instant(row, 16), instant(row, 17), instant(row, 18)));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a pull's records are always serializable", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored pull JSON is not a " + type.getSimpleName(), e);
        }
    }
}
