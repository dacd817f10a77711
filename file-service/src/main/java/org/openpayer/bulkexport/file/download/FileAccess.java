package org.openpayer.bulkexport.file.download;

import org.openpayer.bulkexport.model.storage.ExportFileKind;
import org.openpayer.bulkexport.model.storage.ExportFileNames.ExportFile;
import org.openpayer.bulkexport.rest.Caller;
import org.openpayer.bulkexport.rest.FhirException;

import java.util.Objects;
import java.util.Optional;

/**
 * Who may download an export file, decided from the object's metadata alone: its owner, and for resource files
 * (output and deleted) only with read access to their type. Error files hold OperationOutcomes about the export, not
 * member data, so the owner reads them without an OperationOutcome scope. Everything that is not the caller's file
 * answers 404 exactly like a missing one, so a client learns nothing about other clients' exports.
 */
final class FileAccess {

    private FileAccess() {
    }

    /**
     * The stored file, if {@code caller} may download it.
     *
     * @throws FhirException 404 when it is missing, someone else's, or its metadata contradicts its name (a kind or
     *                       type the name does not say could grant the wrong scope check); 403 when the token cannot
     *                       read the type of a resource file
     */
    static StoredFile authorize(Caller caller, ExportFile requested, Optional<StoredFile> stored) {
        StoredFile file = stored
                .filter(found -> caller.clientId().equals(found.ownerClientId()))
                .filter(found -> absentOrEqual(found.kind(), requested.kind().wireName()))
                .filter(found -> absentOrEqual(found.resourceType(), requested.resourceType()))
                .orElseThrow(() -> notFound(requested));
        if (requested.kind() != ExportFileKind.ERROR) {
            caller.requireRead(requested.resourceType());
        }
        return file;
    }

    static FhirException notFound(ExportFile requested) {
        return notFound(requested.fileName());
    }

    static FhirException notFound(String fileName) {
        return FhirException.notFound("No export file " + fileName + " for this client.");
    }

    /** Metadata written before a key existed is absent; when present it must say what the name says. */
    private static boolean absentOrEqual(String metadata, String fromName) {
        return metadata == null || Objects.equals(metadata, fromName);
    }
}
