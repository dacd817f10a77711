package org.openpayer.bulkexport.attribution.membermatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.openpayer.bulkexport.rest.FhirException;

/** Asserts that a check refuses with the status (and the words) the client would get. */
public final class Refusals {

    private Refusals() {
    }

    public static void assertRefused(ThrowingCallable check, int status, String diagnosticsContain) {
        assertThatThrownBy(check).isInstanceOfSatisfying(FhirException.class, refusal -> {
            assertThat(refusal.status().getStatusCode()).as(refusal.getMessage()).isEqualTo(status);
            assertThat(refusal.getMessage()).contains(diagnosticsContain);
        });
    }
}
