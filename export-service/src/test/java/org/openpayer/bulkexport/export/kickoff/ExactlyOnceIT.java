package org.openpayer.bulkexport.export.kickoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpayer.bulkexport.export.ExportTestClient.awaitManifest;
import static org.openpayer.bulkexport.export.ExportTestClient.downloadAll;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.export.ExportTestClient;
import org.openpayer.bulkexport.export.ExportTestResource;
import org.openpayer.bulkexport.export.MemberDataFixture;
import org.openpayer.bulkexport.stack.infra.InfraEndpoints;
import org.openpayer.bulkexport.stack.testing.RealServersResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Bulk Data's delta contract against a write still in flight at kick-off: a change stamped before the first export's
 * {@code transactionTime} would be, but committed after that export read the data, must reach the next export with
 * {@code _since=transactionTime}, and only that one. The writer behaves as attribution-service's store does: it takes
 * a transaction id, then stamps from the database clock.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(ExportTestResource.class)
class ExactlyOnceIT {

    private static final String CLIENT = "delta-clinic";

    @Test
    void writeInFlightAtKickOff_isExportedByTheNextDelta_exactlyOnce() throws Exception {
        String token = ExportTestResource.TOKENS.token(CLIENT, "system/*.rs", List.of(),
                List.of(MemberDataFixture.NPI));
        Instant stamp;
        JsonPath first;
        try (Connection writer = connect()) {
            writer.setAutoCommit(false);
            stamp = stampAndInsertProcedure(writer);

            first = awaitManifest(token, kickOff(token, "_type=Procedure"));

            assertThat(first.getList("output")).as("not committed yet").isEmpty();
            writer.commit();
        }
        Instant firstTime = Instant.parse(first.getString("transactionTime"));
        assertThat(firstTime).as("held back before the write in flight").isBefore(stamp);

        JsonPath second = awaitManifest(token, kickOff(token, "_type=Procedure&_since=" + firstTime));
        JsonPath third = awaitManifest(token,
                kickOff(token, "_type=Procedure&_since=" + second.getString("transactionTime")));

        assertThat(downloadAll(second).get("Procedure")).hasSize(1).allMatch(line -> line.contains("proc-late"));
        assertThat(third.getList("output")).as("and only once").isEmpty();
    }

    /** As attribution-service writes: transaction id, then the clock, then the row. */
    private static Instant stampAndInsertProcedure(Connection writer) throws Exception {
        try (PreparedStatement xid = writer.prepareStatement("select pg_current_xact_id()")) {
            xid.executeQuery().close();
        }
        Instant stamp;
        try (PreparedStatement clock = writer.prepareStatement("select clock_timestamp()");
             ResultSet now = clock.executeQuery()) {
            now.next();
            stamp = now.getTimestamp(1).toInstant().truncatedTo(ChronoUnit.MILLIS);
        }
        // the kick-off comes a little later than the stamp, as it would under load
        Thread.sleep(50);
        try (PreparedStatement insert = writer.prepareStatement("""
                insert into attribution.resource
                  (resource_type, id, version_id, last_updated, patient_id, deleted, content)
                values ('Procedure', 'proc-late', 1, ?, 'p1', false, ?)""")) {
            insert.setTimestamp(1, Timestamp.from(stamp));
            insert.setString(2, MemberDataFixture.content("Procedure", "proc-late", "p1", stamp));
            insert.executeUpdate();
        }
        return stamp;
    }

    private static String kickOff(String token, String query) {
        return ExportTestClient.kickOff(token, "/fhir/Group/" + MemberDataFixture.GROUP + "/$export", query);
    }

    private static Connection connect() throws Exception {
        InfraEndpoints endpoints = RealServersResource.infrastructure().endpoints();
        return DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUsername(), endpoints.dbPassword());
    }
}
