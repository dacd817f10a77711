package org.openpayer.bulkexport.attribution.roster.operation;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.attribution.roster.GroupAccess;
import org.openpayer.bulkexport.attribution.roster.GroupRepository;
import org.openpayer.bulkexport.attribution.write.JdbcTransaction;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.fhir.IssueSeverity;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.model.fhir.OperationOutcomes;
import org.openpayer.bulkexport.model.route.PublicPaths;
import org.openpayer.bulkexport.model.route.PublicUrls;
import org.openpayer.bulkexport.model.security.Permission;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;

import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Da Vinci ATR's Group operations. Changing a list takes the Group's grant and the permission to update Groups
 * ({@code system/Group.u}, v1 {@code .write}); reading a member's status takes the grant and read permission.
 * Answers: 201 with the new version's location, or 200 when the Group already was as asked.
 */
@Path(PublicPaths.FHIR + "/Group/{id}")
@Authenticated
@Produces({FhirMediaType.FHIR_JSON, "application/json"})
public class GroupOperationsResource {

    private static final Set<String> MEMBER_ADD = Set.of(
            "memberId", "providerNpi", "patientReference", "providerReference", "attributionPeriod");
    private static final Set<String> MEMBER_REMOVE = Set.of(
            "memberId", "providerNpi", "patientReference", "providerReference", "coverageReference");

    private final GroupOperations operations;
    private final MemberResolver resolver;
    private final AttributionStatus attributionStatus;
    private final GroupAccess access;
    private final JdbcTransaction transaction;
    private final FhirJson fhir;
    private final PublicUrls urls;
    private final JsonWebToken token;

    public GroupOperationsResource(GroupOperations operations, MemberResolver resolver,
                                   AttributionStatus attributionStatus, GroupAccess access, JdbcTransaction transaction,
                                   FhirJson fhir, PublicUrls urls, JsonWebToken token) {
        this.operations = operations;
        this.resolver = resolver;
        this.attributionStatus = attributionStatus;
        this.access = access;
        this.transaction = transaction;
        this.fhir = fhir;
        this.urls = urls;
        this.token = token;
    }

    @POST
    @Path("$member-add")
    @Consumes({FhirMediaType.FHIR_JSON, "application/json"})
    public Response memberAdd(@PathParam("id") String id, String body) throws SQLException {
        requireAccess(id, Permission.UPDATE);
        OperationParameters parameters = new OperationParameters("member-add", parameters(body), MEMBER_ADD);
        parameters.requireOneOf(List.of(Set.of("memberId", "providerNpi"),
                Set.of("patientReference", "providerReference")), Set.of("attributionPeriod"));
        return answer(id, transaction.run(connection -> operations.memberAdd(connection, id, parameters)));
    }

    @POST
    @Path("$member-remove")
    @Consumes({FhirMediaType.FHIR_JSON, "application/json"})
    public Response memberRemove(@PathParam("id") String id, String body) throws SQLException {
        requireAccess(id, Permission.UPDATE);
        OperationParameters parameters = new OperationParameters("member-remove", parameters(body), MEMBER_REMOVE);
        parameters.requireOneOf(List.of(Set.of("memberId"), Set.of("memberId", "providerNpi"),
                Set.of("patientReference"), Set.of("patientReference", "providerReference"),
                Set.of("patientReference", "providerReference", "coverageReference")), Set.of());
        return answer(id, transaction.run(connection -> operations.memberRemove(connection, id, parameters)));
    }

    @POST
    @Path("$confirm-attribution-list")
    public Response confirm(@PathParam("id") String id, String body) throws SQLException {
        requireAccess(id, Permission.UPDATE);
        if (body != null && !body.isBlank()) {
            new OperationParameters("confirm-attribution-list", parameters(body), Set.of());
        }
        return answer(id, transaction.run(connection -> operations.confirm(connection, id)));
    }

    @GET
    @Path("$attribution-status")
    public Response attributionStatus(@PathParam("id") String id, @QueryParam("memberId") String memberId,
                                      @QueryParam("patientReference") String patientReference)
            throws SQLException, IOException {
        Parameters parameters = new Parameters();
        if (memberId != null) {
            String[] systemAndValue = memberId.split("\\|", 2);
            if (systemAndValue.length != 2) {
                throw FhirException.badRequest("memberId must be system|value.");
            }
            parameters.addParameter().setName("memberId")
                    .setValue(new Identifier().setSystem(systemAndValue[0]).setValue(systemAndValue[1]));
        }
        if (patientReference != null) {
            parameters.addParameter().setName("patientReference").setValue(new Reference(patientReference));
        }
        return attributionStatus(id, parameters);
    }

    @POST
    @Path("$attribution-status")
    @Consumes({FhirMediaType.FHIR_JSON, "application/json"})
    public Response attributionStatusByPost(@PathParam("id") String id, String body)
            throws SQLException, IOException {
        return attributionStatus(id, parameters(body));
    }

    private Response attributionStatus(String id, Parameters body) throws SQLException, IOException {
        GroupRepository.GroupRow group = requireAccess(id, Permission.READ);
        OperationParameters parameters = new OperationParameters("attribution-status", body,
                Set.of("memberId", "patientReference"));
        parameters.requireOneOf(List.of(Set.of("memberId"), Set.of("patientReference")), Set.of());
        String patientId = transaction.run(connection -> resolver.patient(connection, parameters));
        return Response.ok(attributionStatus.bundle(group, patientId), FhirMediaType.FHIR_JSON).build();
    }

    private GroupRepository.GroupRow requireAccess(String id, Permission permission) throws SQLException {
        Caller caller = Caller.from(token);
        if (!caller.scopes().allows("Group", permission)) {
            throw FhirException.forbidden("The access token does not allow this on Groups; it takes system/Group."
                    + permission.letter() + ".");
        }
        return access.requireAttributionList(caller, id);
    }

    private Parameters parameters(String body) {
        return fhir.operationParameters(body);
    }

    private Response answer(String id, GroupChange change) {
        String outcome = OperationOutcomes.toJsonLine(OperationOutcomes.of(IssueSeverity.INFORMATION,
                IssueType.INFORMATIONAL, change.message()));
        return Response.status(change.newVersion() ? 201 : 200)
                .location(URI.create(urls.fhirBase() + "/Group/" + id + "/_history/" + change.versionId()))
                .tag(new EntityTag(String.valueOf(change.versionId()), true))
                .lastModified(Date.from(change.lastUpdated()))
                .entity(outcome).type(FhirMediaType.FHIR_JSON).build();
    }
}
