package org.openpayer.bulkexport.attribution.payerpull.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.openpayer.bulkexport.rest.AdminApi;
import org.openpayer.bulkexport.rest.FhirException;
import org.openpayer.bulkexport.smartclient.ClientKey;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The operators' registry of payers we pull members' data from (admin key only; not routed by the public gateway),
 * shaped like auth-service's {@code /admin/clients}. A view shows our public key for that payer, which is what its
 * operators register for our client there.
 */
@Path("/admin/remote-payers")
@AdminApi
@Produces(MediaType.APPLICATION_JSON)
public class RemotePayerAdminResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RemotePayerRules rules;
    private final RemotePayerRepository payers;
    private final PrivateKeySource keys;

    public RemotePayerAdminResource(RemotePayerRules rules, RemotePayerRepository payers, PrivateKeySource keys) {
        this.rules = rules;
        this.payers = payers;
        this.keys = keys;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(RemotePayerRegistration registration, @Context UriInfo uri) throws SQLException {
        RemotePayer payer = rules.check(UUID.randomUUID(), registration);
        payers.insert(payer);
        return Response.created(uri.getAbsolutePathBuilder().path(payer.id().toString()).build())
                .entity(view(payer)).build();
    }

    @GET
    public List<RemotePayerView> list() throws SQLException {
        return payers.list().stream().map(this::view).toList();
    }

    @GET
    @Path("{id}")
    public RemotePayerView get(@PathParam("id") String id) throws SQLException {
        return view(payers.find(parse(id)).orElseThrow(() -> unknown(id)));
    }

    /** Replaces a registration, e.g. a new key reference after rotating our key there. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RemotePayerView replace(@PathParam("id") String id, RemotePayerRegistration registration)
            throws SQLException {
        RemotePayer payer = rules.check(parse(id), registration);
        if (!payers.update(payer)) {
            throw unknown(id);
        }
        return view(payer);
    }

    private RemotePayerView view(RemotePayer payer) {
        String kid = null;
        JsonNode publicJwks = null;
        try {
            ClientKey key = keys.load(payer.privateKeyRef());
            kid = key.kid();
            publicJwks = JSON.readTree(key.publicJwks());
        } catch (PrivateKeySource.UnavailableKeyException | JsonProcessingException e) {
            // The registration stays listable while its secret is missing; the key fields stay empty.
        }
        return new RemotePayerView(payer.id(), payer.name(), payer.fhirBaseUrl(), payer.tokenUrl(), payer.clientId(),
                payer.scope(), payer.privateKeyRef(), kid, publicJwks,
                payer.identifiers());
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw unknown(id);
        }
    }

    private static FhirException unknown(String id) {
        return FhirException.notFound("No remote payer " + id + ".");
    }
}
