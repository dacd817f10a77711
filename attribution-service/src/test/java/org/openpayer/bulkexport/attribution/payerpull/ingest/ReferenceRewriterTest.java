package org.openpayer.bulkexport.attribution.payerpull.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

class ReferenceRewriterTest {

    private static final String REMOTE = "https://old-payer.example/fhir";
    private final ImportScope scope = new ImportScope(UUID.fromString("00000000-0000-0000-0000-00000000000a"), REMOTE,
            "r-1", "np-1", Set.of("Coverage/cov-1", "Practitioner/dr-1"));

    @Test
    void rewrite_theMemberThere_becomesOurMember() {
        assertThat(ReferenceRewriter.rewrite("Patient/r-1", scope)).isEqualTo("Patient/np-1");
        assertThat(ReferenceRewriter.rewrite(REMOTE + "/Patient/r-1", scope)).isEqualTo("Patient/np-1");
    }

    @Test
    void rewrite_aResourceThePullBrings_becomesItsImportedCopy() {
        assertThat(ReferenceRewriter.rewrite("Coverage/cov-1", scope))
                .isEqualTo("Coverage/" + scope.localId("Coverage", "cov-1"));
        assertThat(ReferenceRewriter.rewrite("Coverage/cov-1/_history/3", scope))
                .isEqualTo("Coverage/" + scope.localId("Coverage", "cov-1"));
    }

    @Test
    void rewrite_anythingElseThere_becomesAnAbsoluteUrlOnTheirServer() {
        assertThat(ReferenceRewriter.rewrite("Organization/payer", scope)).isEqualTo(REMOTE + "/Organization/payer");
        assertThat(ReferenceRewriter.rewrite("Patient/someone-else", scope))
                .isEqualTo(REMOTE + "/Patient/someone-else");
    }

    @Test
    void rewrite_containedUrnAndOtherServers_stayAsTheyAre() {
        assertThat(ReferenceRewriter.rewrite("#med", scope)).isEqualTo("#med");
        assertThat(ReferenceRewriter.rewrite("urn:uuid:0a1b", scope)).isEqualTo("urn:uuid:0a1b");
        assertThat(ReferenceRewriter.rewrite("https://registry.example/fhir/Organization/x", scope))
                .isEqualTo("https://registry.example/fhir/Organization/x");
    }

    @Test
    void localId_isDerivedFromTheSource_memberDataPerMember_directoryShared() {
        ImportScope otherMember = new ImportScope(scope.payerId(), REMOTE, "r-1", "np-2", Set.of());

        assertThat(scope.localId("Observation", "o-1")).isEqualTo(scope.localId("Observation", "o-1"))
                .startsWith("p2p-").hasSize(44).isNotEqualTo(otherMember.localId("Observation", "o-1"));
        assertThat(scope.localId("Practitioner", "dr-1")).isEqualTo(otherMember.localId("Practitioner", "dr-1"));
        assertThat(scope.localId("Observation", "o-1")).isNotEqualTo(scope.localId("Condition", "o-1"));
    }
}
