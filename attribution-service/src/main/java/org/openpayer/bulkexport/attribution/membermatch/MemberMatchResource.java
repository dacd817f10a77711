package org.openpayer.bulkexport.attribution.membermatch;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openpayer.bulkexport.attribution.config.AttributionConfig;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.model.fhir.FhirMediaType;
import org.openpayer.bulkexport.model.route.PublicPaths;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;

/**
 * HRex {@code POST /Patient/$member-match}, this payer answering as the old payer in payer-to-payer exchange. Only
 * another payer's client may ask (its token names the payer, {@code payer_identifiers}), with read permission on
 * Patient ({@code system/Patient.rs}, v1 {@code .read}). Checks run from the cheapest and least revealing on: token,
 * input (400), Consent (422), guessing limit (429), then the match (200, or 422 for none or several).
 */
@Path(PublicPaths.FHIR + "/Patient/$member-match")
@Authenticated
@Produces({FhirMediaType.FHIR_JSON, "application/json"})
public class MemberMatchResource {

    private final MemberMatchInputReader reader;
    private final MemberMatchService service;
    private final MemberMatchFhirMapper mapper;
    private final FhirJson fhir;
    private final Set<String> payerIdentifiers;
    private final JsonWebToken token;

    public MemberMatchResource(MemberMatchInputReader reader, MemberMatchService service, MemberMatchFhirMapper mapper,
                               FhirJson fhir, AttributionConfig config, JsonWebToken token) {
        this.reader = reader;
        this.service = service;
        this.mapper = mapper;
        this.fhir = fhir;
        this.payerIdentifiers = Set.copyOf(config.payer().identifiers());
        this.token = token;
    }

    @POST
    @Consumes({FhirMediaType.FHIR_JSON, "application/json"})
    public Response memberMatch(String body) throws SQLException {
        PayerCaller caller = PayerCaller.require(token, "$member-match");
        MemberMatchInput input = reader.read(fhir.operationParameters(body).getParameter());
        PayerConsent consent = HrexConsentRules.honour(input.consent(), payerIdentifiers, caller.payer(),
                Instant.now());
        MemberMatchService.MatchAnswer answer = service.match(
                new MemberMatchService.MatchRequest(caller.clientId(), input, consent));
        return Response.ok(mapper.toFhir(answer), FhirMediaType.FHIR_JSON).build();
    }
}
