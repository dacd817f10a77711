package org.openpayer.bulkexport.model.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

class ExportFileNamesTest {

    private static final UUID JOB = UUID.fromString("8d1c6a1e-5b7f-4b57-9a3e-0c1b2d3e4f50");

    @Test
    void fileName_followsJobTaskPartTypeConvention() {
        assertThat(ExportFileNames.fileName(JOB, 7, 2, ExportFileKind.OUTPUT, "ExplanationOfBenefit"))
                .isEqualTo("8d1c6a1e-5b7f-4b57-9a3e-0c1b2d3e4f50-7-2.ExplanationOfBenefit.ndjson");
        assertThat(ExportFileNames.fileName(JOB, 3, 1, ExportFileKind.DELETED, "Coverage"))
                .isEqualTo("8d1c6a1e-5b7f-4b57-9a3e-0c1b2d3e4f50-3-1.Coverage.deleted.ndjson");
        assertThat(ExportFileNames.fileName(JOB, 0, 1, ExportFileKind.ERROR, "OperationOutcome"))
                .isEqualTo("8d1c6a1e-5b7f-4b57-9a3e-0c1b2d3e4f50-0-1.OperationOutcome.ndjson");
    }

    @Test
    void objectKey_isUnderTheJobsPrefix() {
        String key = ExportFileNames.objectKey(JOB, ExportFileNames.fileName(JOB, 1, 1, ExportFileKind.OUTPUT,
                "Patient"));
        assertThat(key).startsWith(ExportFileNames.jobPrefix(JOB)).startsWith("exports/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"OUTPUT", "DELETED", "ERROR"})
    void parse_roundTripsItsOwnNames(ExportFileKind kind) {
        String type = kind == ExportFileKind.ERROR ? "OperationOutcome" : "Coverage";
        String name = ExportFileNames.fileName(JOB, 12, 3, kind, type);

        ExportFileNames.ExportFile file = ExportFileNames.parse(JOB, name).orElseThrow();

        assertThat(file).isEqualTo(new ExportFileNames.ExportFile(JOB, 12, 3, kind, type));
        assertThat(file.objectKey()).isEqualTo(ExportFileNames.objectKey(JOB, name));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "../8d1c6a1e-5b7f-4b57-9a3e-0c1b2d3e4f50-1-1.Patient.ndjson",
            "8d1c6a1e-5b7f-4b57-9a3e-0c1b2d3e4f50-1-1.Patient.ndjson/../x",
            "11111111-2222-3333-4444-555555555555-1-1.Patient.ndjson",
            "8d1c6a1e-5b7f-4b57-9a3e-0c1b2d3e4f50-1-1.patient.ndjson",
            "8d1c6a1e-5b7f-4b57-9a3e-0c1b2d3e4f50-x-1.Patient.ndjson",
            "8d1c6a1e-5b7f-4b57-9a3e-0c1b2d3e4f50-1.Patient.ndjson",
            "8d1c6a1e-5b7f-4b57-9a3e-0c1b2d3e4f50-1-0.Patient.ndjson",
            "8d1c6a1e-5b7f-4b57-9a3e-0c1b2d3e4f50-0-1.Patient.ndjson",
            "8d1c6a1e-5b7f-4b57-9a3e-0c1b2d3e4f50-1-1.OperationOutcome.deleted.ndjson",
            "8d1c6a1e-5b7f-4b57-9a3e-0c1b2d3e4f50-1-1.Patient.json",
            ""})
    void parse_anythingElse_isEmpty(String fileName) {
        assertThat(ExportFileNames.parse(JOB, fileName)).isEmpty();
    }

    @Test
    void parseJobId_acceptsUuidsOnly() {
        assertThat(ExportFileNames.parseJobId(JOB.toString())).contains(JOB);
        assertThat(ExportFileNames.parseJobId("not-a-job")).isEmpty();
        assertThat(ExportFileNames.parseJobId("")).isEmpty();
    }

    @Test
    void fileName_rejectsBadNumbersKindsAndTypes() {
        assertThatThrownBy(() -> ExportFileNames.fileName(JOB, 0, 1, ExportFileKind.OUTPUT, "Patient"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExportFileNames.fileName(JOB, 1, 0, ExportFileKind.OUTPUT, "Patient"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExportFileNames.fileName(JOB, 1, 1, ExportFileKind.ERROR, "Patient"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExportFileNames.fileName(JOB, 1, 1, ExportFileKind.OUTPUT, "../x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
