package org.openpayer.bulkexport.attribution.membermatch;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;
import org.openpayer.bulkexport.rest.RequestingPayer;

/**
 * The caller of a payer-to-payer operation: another payer's system, whose token reads Patients and names the payer it
 * acts for. Anyone else gets a 403 saying which of the two it lacks.
 *
 * @param caller the client and its scopes
 * @param payer  the payer the client acts for, as its token names it
 */
record PayerCaller(Caller caller, RequestingPayer payer) {

    /** The token's caller, allowed to run {@code operation} (e.g. {@code $member-match}); else a 403. */
    static PayerCaller require(JsonWebToken token, String operation) {
        Caller caller = Caller.from(token);
        if (!caller.scopes().canRead("Patient")) {
            throw FhirException.forbidden(operation + " needs read permission on Patient: ask for "
                    + "system/Patient.rs (or system/Patient.read).");
        }
        RequestingPayer payer = RequestingPayer.from(token).orElseThrow(() -> FhirException.forbidden(
                operation + " is for other payers' systems (payer-to-payer exchange); this client is not registered "
                        + "as a payer."));
        return new PayerCaller(caller, payer);
    }

    String clientId() {
        return caller.clientId();
    }
}
