package org.openpayer.bulkexport.export.kickoff;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openpayer.bulkexport.export.roster.MemberDataReader;
import org.openpayer.bulkexport.model.event.ExportLevel;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.route.PublicPaths;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;

import java.sql.SQLException;

/**
 * {@code GET} and {@code POST [base]/Group/{id}/$export} (Bulk Data) and {@code /$davinci-data-export} (Da Vinci ATR
 * and PDex): the members of one Group. The client must be allowed that Group instance: a Group it may not see answers
 * 404, like an unknown one. A Group of matched members is exported only by payer-to-payer export
 * ({@link PayerToPayerKickOff}).
 */
@Path(PublicPaths.FHIR + "/Group/{id}")
@Authenticated
public class GroupExportResource {

    private final JsonWebToken token;
    private final MemberDataReader memberData;
    private final ExportKickOff kickOff;

    public GroupExportResource(JsonWebToken token, MemberDataReader memberData, ExportKickOff kickOff) {
        this.token = token;
        this.memberData = memberData;
        this.kickOff = kickOff;
    }

    @GET
    @Path("$export")
    public Response kickOff(@PathParam("id") String groupId, @Context UriInfo uri,
                           @Context HttpHeaders headers) throws SQLException {
        Caller caller = Caller.from(token);
        return kickOff.byGet(caller, ExportLevel.GROUP, accessibleGroup(caller, groupId), path(groupId), uri, headers);
    }

    @POST
    @Path("$export")
    @Consumes({FhirMediaType.FHIR_JSON, "application/json"})
    public Response kickOffByPost(@PathParam("id") String groupId, @Context UriInfo uri,
                                  @Context HttpHeaders headers, String body)
            throws SQLException {
        Caller caller = Caller.from(token);
        return kickOff.byPost(caller, ExportLevel.GROUP, accessibleGroup(caller, groupId), path(groupId), uri,
                headers, body);
    }

    @GET
    @Path(ExportKickOff.DA_VINCI_DATA_EXPORT)
    public Response daVinciKickOff(@PathParam("id") String groupId, @Context UriInfo uri,
                                   @Context HttpHeaders headers) throws SQLException {
        Caller caller = Caller.from(token);
        return kickOff.byGet(caller, ExportLevel.GROUP, accessibleGroup(caller, groupId), daVinciPath(groupId), uri,
                headers);
    }

    @POST
    @Path(ExportKickOff.DA_VINCI_DATA_EXPORT)
    @Consumes({FhirMediaType.FHIR_JSON, "application/json"})
    public Response daVinciKickOffByPost(@PathParam("id") String groupId, @Context UriInfo uri,
                                         @Context HttpHeaders headers, String body) throws SQLException {
        Caller caller = Caller.from(token);
        return kickOff.byPost(caller, ExportLevel.GROUP, accessibleGroup(caller, groupId), daVinciPath(groupId), uri,
                headers, body);
    }

    /**
     * The Group, once the caller is known to reach it: an attribution list through its grant, a Group of matched
     * members ({@code $bulk-member-match}) only as the client it belongs to, whatever its grants.
     */
    private MemberDataReader.GroupRef accessibleGroup(Caller caller, String groupId) throws SQLException {
        return memberData.findGroup(groupId)
                .filter(group -> group.matchOwner() != null ? group.matchOwner().equals(caller.clientId())
                        : caller.groups().permits(group.id(), group.identifierTokens()))
                .orElseThrow(() -> FhirException.notFound(
                        "Group/" + groupId + " is not known or not accessible to this client."));
    }

    private static String path(String groupId) {
        return "/Group/" + groupId + "/$export";
    }

    private static String daVinciPath(String groupId) {
        return "/Group/" + groupId + "/" + ExportKickOff.DA_VINCI_DATA_EXPORT;
    }
}
