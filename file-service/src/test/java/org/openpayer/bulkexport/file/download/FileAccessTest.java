package org.openpayer.bulkexport.file.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.model.security.GroupGrant;
import org.openpayer.bulkexport.model.security.ScopeSet;
import org.openpayer.bulkexport.model.storage.ExportFileKind;
import org.openpayer.bulkexport.model.storage.ExportFileNames.ExportFile;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The download rules, decided from the stored object's metadata and the name asked for. */
class FileAccessTest {

    private static final UUID JOB = UUID.fromString("8d1c6a1e-5b7f-4b57-9a3e-0c1b2d3e4f50");
    private static final String OWNER = "east-clinic";
    private static final ExportFile COVERAGE = new ExportFile(JOB, 1, 1, ExportFileKind.OUTPUT, "Coverage");
    private static final ExportFile DELETED = new ExportFile(JOB, 1, 1, ExportFileKind.DELETED, "Coverage");
    private static final ExportFile ERRORS = new ExportFile(JOB, 0, 1, ExportFileKind.ERROR, "OperationOutcome");

    @Test
    void authorize_ownerWithScopeForTheType_getsTheFile() {
        // given
        StoredFile stored = stored(COVERAGE, OWNER, "output", "Coverage");

        // when
        StoredFile file = FileAccess.authorize(caller(OWNER, "system/Coverage.rs"), COVERAGE, Optional.of(stored));

        // then
        assertThat(file).isSameAs(stored);
    }

    @Test
    void authorize_anotherClient_is404EvenWithEveryScope() {
        StoredFile stored = stored(COVERAGE, OWNER, "output", "Coverage");

        assertStatus(() -> FileAccess.authorize(caller("west-clinic", "system/*.rs"), COVERAGE, Optional.of(stored)),
                404);
    }

    @Test
    void authorize_missingFile_is404() {
        assertStatus(() -> FileAccess.authorize(caller(OWNER, "system/*.rs"), COVERAGE, Optional.empty()), 404);
    }

    @Test
    void authorize_ownerWithoutScopeForTheType_is403() {
        StoredFile stored = stored(COVERAGE, OWNER, "output", "Coverage");

        assertStatus(() -> FileAccess.authorize(caller(OWNER, "system/Patient.rs"), COVERAGE, Optional.of(stored)),
                403);
    }

    @Test
    void authorize_deletedFile_needsTheDeletedTypesScope() {
        // given
        StoredFile stored = stored(DELETED, OWNER, "deleted", "Coverage");

        // then
        assertThat(FileAccess.authorize(caller(OWNER, "system/Coverage.rs"), DELETED, Optional.of(stored)))
                .isSameAs(stored);
        assertStatus(() -> FileAccess.authorize(caller(OWNER, "system/Patient.rs"), DELETED, Optional.of(stored)),
                403);
    }

    @Test
    void authorize_errorFileOfTheOwner_needsNoOperationOutcomeScope() {
        // given
        StoredFile stored = stored(ERRORS, OWNER, "error", "OperationOutcome");

        // then
        assertThat(FileAccess.authorize(caller(OWNER, "system/Patient.rs"), ERRORS, Optional.of(stored)))
                .isSameAs(stored);
        assertStatus(() -> FileAccess.authorize(caller("west-clinic", "system/*.rs"), ERRORS, Optional.of(stored)),
                404);
    }

    @Test
    void authorize_metadataWithoutKindOrType_followsTheName() {
        // given
        StoredFile stored = stored(ERRORS, OWNER, null, null);

        // then
        assertThat(FileAccess.authorize(caller(OWNER, ""), ERRORS, Optional.of(stored))).isSameAs(stored);
    }

    @Test
    void authorize_metadataContradictingTheName_is404() {
        // given: an output file stored as an error file would otherwise skip the scope check
        StoredFile kindDiffers = stored(COVERAGE, OWNER, "error", "Coverage");
        StoredFile typeDiffers = stored(COVERAGE, OWNER, "output", "Patient");
        StoredFile unknownKind = stored(COVERAGE, OWNER, "bogus", "Coverage");

        // then
        Caller caller = caller(OWNER, "system/*.rs");
        assertStatus(() -> FileAccess.authorize(caller, COVERAGE, Optional.of(kindDiffers)), 404);
        assertStatus(() -> FileAccess.authorize(caller, COVERAGE, Optional.of(typeDiffers)), 404);
        assertStatus(() -> FileAccess.authorize(caller, COVERAGE, Optional.of(unknownKind)), 404);
    }

    private static Caller caller(String clientId, String scopes) {
        return new Caller(clientId, ScopeSet.parse(scopes), GroupGrant.NONE);
    }

    private static StoredFile stored(ExportFile name, String owner, String kind, String type) {
        return new StoredFile(name, owner, kind, type, null, 10, "etag", Instant.EPOCH);
    }

    private static void assertStatus(Runnable call, int status) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(FhirException.class,
                        e -> assertThat(e.status().getStatusCode()).isEqualTo(status));
    }
}
