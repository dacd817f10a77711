package org.openpayer.bulkexport.export.kickoff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.openpayer.bulkexport.export.config.ExportConfig;
import org.openpayer.bulkexport.export.job.ExportJob;
import org.openpayer.bulkexport.export.job.JobLifecycle;
import org.openpayer.bulkexport.export.roster.MemberDataReader;
import org.openpayer.bulkexport.export.roster.Population;
import org.openpayer.bulkexport.model.event.ExportLevel;
import org.openpayer.bulkexport.model.event.ExportRequested;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.route.PublicUrls;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;
import org.openpayer.bulkexport.rest.PreferHeader;
import org.openpayer.bulkexport.search.CriterionParser;
import org.openpayer.bulkexport.search.SearchParameterCatalog;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What every Bulk Data kick-off does, at any level and by GET or POST: check the parameters against what the token
 * may read, store the job with its {@code transactionTime}, announce it on Kafka and answer {@code 202} with the
 * absolute status URL. {@code Prefer: respond-async} is assumed when missing, as Bulk Data v2 allows.
 */
@ApplicationScoped
public class ExportKickOff {

    private static final Logger LOG = Logger.getLogger(ExportKickOff.class);
    /** The last segment of the Da Vinci operation's path. */
    static final String DA_VINCI_DATA_EXPORT = "$davinci-data-export";
    /** Non-members named in one refusal, at most. */
    private static final int MAX_NAMED = 10;

    private final MemberDataReader memberData;
    private final JobLifecycle lifecycle;
    private final ExportRequestPublisher publisher;
    private final PublicUrls urls;
    private final CriterionParser filters;
    private final ExportConfig config;
    private final PayerToPayerKickOff payerToPayer;

    public ExportKickOff(MemberDataReader memberData, JobLifecycle lifecycle, ExportRequestPublisher publisher,
                         PublicUrls urls, SearchParameterCatalog searchParameters, ExportConfig config,
                         PayerToPayerKickOff payerToPayer) {
        this.config = config;
        this.payerToPayer = payerToPayer;
        this.filters = new CriterionParser(searchParameters);
        this.memberData = memberData;
        this.lifecycle = lifecycle;
        this.publisher = publisher;
        this.urls = urls;
    }

    /**
     * A GET kick-off: the parameters are the query, and the manifest's {@code request} repeats it.
     *
     * @param group the Group exported (the caller may reach it), or {@code null} below group level
     */
    Response byGet(Caller caller, ExportLevel level, MemberDataReader.GroupRef group, String kickOffPath, UriInfo uri,
                   HttpHeaders headers) throws SQLException {
        String query = uri.getRequestUri().getRawQuery();
        return kickOff(new KickOffContext(caller, level, false, lenient(headers), isDaVinci(kickOffPath)), group,
                uri.getQueryParameters(), urls.fhirBase() + kickOffPath + (query == null ? "" : "?" + query));
    }

    /** A POST kick-off: the parameters are the Parameters body; the manifest's {@code request} is the URL alone. */
    Response byPost(Caller caller, ExportLevel level, MemberDataReader.GroupRef group, String kickOffPath,
                    UriInfo uri, HttpHeaders headers, String body) throws SQLException {
        if (!uri.getQueryParameters().isEmpty()) {
            throw FhirException.badRequest("A POST kick-off takes its parameters in the Parameters body, not in the "
                    + "URL.");
        }
        return kickOff(new KickOffContext(caller, level, true, lenient(headers), isDaVinci(kickOffPath)), group,
                KickOffParameters.fromBody(body), urls.fhirBase() + kickOffPath);
    }

    private static boolean isDaVinci(String kickOffPath) {
        return kickOffPath.endsWith("/" + DA_VINCI_DATA_EXPORT);
    }

    /** {@code Prefer} may come as one header or several (Bulk Data: {@code respond-async} plus {@code handling}). */
    private static boolean lenient(HttpHeaders headers) {
        List<String> prefer = headers.getRequestHeader("Prefer");
        return prefer != null && PreferHeader.lenient(String.join(",", prefer));
    }

    private Response kickOff(KickOffContext context, MemberDataReader.GroupRef group, Map<String, List<String>> query,
                             String requestUrl) throws SQLException {
        Caller caller = context.caller();
        ExportLevel level = context.level();
        String groupId = group == null ? null : group.id();
        ExportParameters parameters = ExportParameters.parse(query, context, filters);
        String payerToPayerClient = payerToPayer.check(context, group, parameters);
        boolean byGrant = level != ExportLevel.GROUP;
        Population population = new Population(groupId,
                byGrant ? List.copyOf(caller.groups().groupIds()) : null,
                byGrant ? List.copyOf(caller.groups().identifiers()) : null, parameters.patients(),
                payerToPayerClient);
        if (!context.davinci()) {
            // Da Vinci asks for named non-members to be left out and reported, which the planner does.
            requireMembers(population);
        }
        ExportJob job = lifecycle.accept(newJob(caller, level, groupId, parameters, requestUrl),
                config.maxRunningJobsPerClient()).orElseThrow(() -> FhirException.tooManyRequests("This client "
                + "already has " + config.maxRunningJobsPerClient() + " exports running; wait for one to finish "
                + "(or DELETE one) and try again.", config.retryAfter().multipliedBy(5)));
        try {
            publisher.publish(new ExportRequested(job.id, job.createdAt, job.clientId, job.level, job.groupId,
                    parameters.resourceTypes(), job.since, job.transactionTime, job.until,
                    population.grantedGroupIds(), population.grantedGroupIdentifiers(), population.onlyPatients(),
                    parameters.elements(), parameters.typeFilters(), parameters.ignored(),
                    parameters.exportType() == null ? null : parameters.exportType().code()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "export job %s could not be announced", job.id);
            lifecycle.fail(job.id, "The export could not be started; try again.");
            throw new FhirException(Response.Status.SERVICE_UNAVAILABLE, IssueType.TRANSIENT,
                    "The export could not be started right now; try again shortly.");
        }
        return Response.accepted().header(HttpHeaders.CONTENT_LOCATION, urls.exportStatus(job.id)).build();
    }

    /**
     * The {@code patient} parameter must name members of the population: exporting anyone else's compartment is
     * never allowed, and naming them is a client error Bulk Data asks servers to report.
     */
    private void requireMembers(Population population) throws SQLException {
        List<String> named = population.onlyPatients();
        if (named == null) {
            return;
        }
        List<String> members = memberData.members(population, "", named.size() + 1);
        List<String> strangers = named.stream().filter(id -> !members.contains(id)).limit(MAX_NAMED).toList();
        if (!strangers.isEmpty()) {
            throw FhirException.badRequest("patient names Patients that are not current members of this export's "
                    + "population: " + strangers.stream().map(id -> "Patient/" + id).toList() + ".");
        }
    }

    private ExportJob newJob(Caller caller, ExportLevel level, String groupId, ExportParameters parameters,
                             String requestUrl) throws SQLException {
        ExportJob job = new ExportJob();
        job.id = UUID.randomUUID();
        job.clientId = caller.clientId();
        job.level = level;
        job.groupId = groupId;
        job.resourceTypes = String.join(",", parameters.resourceTypes());
        job.since = parameters.since();
        job.until = parameters.until();
        job.transactionTime = memberData.transactionTime();
        job.requestUrl = requestUrl;
        job.elements = parameters.elements() == null ? null : parameters.elements().toArray(String[]::new);
        job.typeFilters = parameters.typeFilters().toArray(String[]::new);
        job.exportType = parameters.exportType() == null ? null : parameters.exportType().code();
        job.patients = parameters.patients() == null ? null : parameters.patients().toArray(String[]::new);
        job.typeParameter = parameters.asGiven().type();
        job.typeFilterParameter = parameters.asGiven().typeFilter();
        return job;
    }
}
