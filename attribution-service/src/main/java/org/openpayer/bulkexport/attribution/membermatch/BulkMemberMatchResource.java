package org.openpayer.bulkexport.attribution.membermatch;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.openpayer.bulkexport.attribution.config.AttributionConfig;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.attribution.write.JdbcTransaction;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.route.PublicPaths;
import org.openpayer.bulkexport.model.route.PublicUrls;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;
import org.openpayer.bulkexport.rest.RequestingPayer;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * PDex {@code POST /Group/$bulk-member-match} (bulk payer-to-payer exchange, this payer as the old one): many members
 * in one request, answered asynchronously as Bulk Data's async pattern has it: 202 with the status URL in
 * {@code Content-Location} ({@code Prefer: respond-async} is assumed when missing). The same callers as
 * {@code $member-match} (another payer's client, with read permission on Patient); malformed input is refused here
 * with a 400 naming the MemberBundle, and a client at its failed-match limit with 429, before anything is stored.
 */
@Path(PublicPaths.FHIR + "/Group/$bulk-member-match")
@Authenticated
@Produces({FhirMediaType.FHIR_JSON, "application/json"})
public class BulkMemberMatchResource {

    private static final Logger LOG = Logger.getLogger(BulkMemberMatchResource.class);

    private final BulkMatchInputReader reader;
    private final BulkMatchJobs jobs;
    private final FailedMatchThrottle throttle;
    private final JdbcTransaction transaction;
    private final FhirJson fhir;
    private final PublicUrls urls;
    private final JsonWebToken token;
    private final int maxMembers;

    public BulkMemberMatchResource(BulkMatchInputReader reader, BulkMatchJobs jobs, FailedMatchThrottle throttle,
                                   JdbcTransaction transaction, FhirJson fhir, PublicUrls urls, JsonWebToken token,
                                   AttributionConfig config) {
        this.maxMembers = config.memberMatch().bulk().maxMembers();
        this.reader = reader;
        this.jobs = jobs;
        this.throttle = throttle;
        this.transaction = transaction;
        this.fhir = fhir;
        this.urls = urls;
        this.token = token;
    }

    @POST
    @Consumes({FhirMediaType.FHIR_JSON, "application/json"})
    public Response kickOff(String body) throws SQLException {
        Caller caller = Caller.from(token);
        if (!caller.scopes().canRead("Patient")) {
            throw FhirException.forbidden("$bulk-member-match needs read permission on Patient: ask for "
                    + "system/Patient.rs (or system/Patient.read).");
        }
        RequestingPayer requester = RequestingPayer.from(token).orElseThrow(() -> FhirException.forbidden(
                "$bulk-member-match is for other payers' systems (payer-to-payer exchange); this client is not "
                        + "registered as a payer."));
        List<String> members = reader.read(fhir.operationParameters(body), maxMembers);
        UUID jobId = transaction.run(connection -> {
            throttle.admit(connection, caller.clientId());
            return jobs.create(connection, caller.clientId(), requester.identifiers(), members);
        });
        LOG.infof("bulk member-match %s accepted from client %s: %d members", jobId, caller.clientId(),
                members.size());
        return Response.accepted().header(HttpHeaders.CONTENT_LOCATION, urls.bulkMemberMatchStatus(jobId)).build();
    }
}
