package org.openpayer.bulkexport.auth.client;

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

import java.util.List;

/** The operators' API for SMART clients (admin key only; not routed by the public gateway). */
@Path("/admin/clients")
@AdminApi
@Produces(MediaType.APPLICATION_JSON)
public class ClientAdminResource {

    private final ClientRegistrationService registrations;

    public ClientAdminResource(ClientRegistrationService registrations) {
        this.registrations = registrations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(ClientRegistration registration, @Context UriInfo uri) {
        RegisteredClient client = registrations.register(requireBody(registration));
        return Response.created(uri.getAbsolutePathBuilder().path(client.clientId).build())
                .entity(ClientView.of(client))
                .build();
    }

    @GET
    public List<ClientView> list() {
        return RegisteredClient.<RegisteredClient>listAll().stream().map(ClientView::of).toList();
    }

    @GET
    @Path("{clientId}")
    public ClientView get(@PathParam("clientId") String clientId) {
        return RegisteredClient.<RegisteredClient>findByIdOptional(clientId)
                .map(ClientView::of)
                .orElseThrow(() -> FhirException.notFound("No client " + clientId + "."));
    }

    /** Key rotation: a new JWKS URL, or an inline JWKS that replaces the stored one. */
    @PUT
    @Path("{clientId}/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClientView replaceKeys(@PathParam("clientId") String clientId, ClientKeysUpdate keys) {
        return ClientView.of(registrations.replaceKeys(clientId, requireBody(keys)));
    }

    @PUT
    @Path("{clientId}/access")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClientView replaceAccess(@PathParam("clientId") String clientId, ClientAccessUpdate access) {
        return ClientView.of(registrations.replaceAccess(clientId, requireBody(access)));
    }

    @POST
    @Path("{clientId}/disable")
    public ClientView disable(@PathParam("clientId") String clientId) {
        return ClientView.of(registrations.setActive(clientId, false));
    }

    @POST
    @Path("{clientId}/enable")
    public ClientView enable(@PathParam("clientId") String clientId) {
        return ClientView.of(registrations.setActive(clientId, true));
    }

    private static <T> T requireBody(T body) {
        if (body == null) {
            throw FhirException.badRequest("Send the change as a JSON body.");
        }
        return body;
    }
}
