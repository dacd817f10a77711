package org.openpayer.bulkexport.attribution.write;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.attribution.roster.GroupFhirMapper;
import org.openpayer.bulkexport.attribution.roster.GroupMembership;
import org.openpayer.bulkexport.attribution.roster.GroupStreamReader;
import org.openpayer.bulkexport.model.fhir.IssueType;
import org.openpayer.bulkexport.rest.FhirException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Members of a Group being streamed in: validated strictly by HAPI FHIR a batch at a time (one parse per batch, not
 * per member) and staged for the Group's next version. Memory holds one batch.
 */
public final class StreamedMembers implements GroupStreamReader.MemberConsumer {

    /** Members validated per HAPI parse: amortizes the parse, bounds what is held. */
    private static final int VALIDATION_BATCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FhirJson fhir;
    private final GroupMembership.Stage stage;
    private final List<ObjectNode> batch = new ArrayList<>(VALIDATION_BATCH);
    private int position;

    public StreamedMembers(FhirJson fhir, GroupMembership.Stage stage) {
        this.fhir = fhir;
        this.stage = stage;
    }

    @Override
    public void accept(ObjectNode member) throws SQLException {
        batch.add(member);
        if (batch.size() == VALIDATION_BATCH) {
            validateAndStage();
        }
    }

    /** Validates and stages what is left; the stage then holds the whole list. */
    public void finish() throws SQLException {
        validateAndStage();
        stage.finish();
    }

    private void validateAndStage() throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        ObjectNode probe = JSON.createObjectNode().put("resourceType", "Group").put("type", "person")
                .put("actual", true);
        ArrayNode members = probe.putArray("member");
        batch.forEach(members::add);
        try {
            fhir.strictParser().parseResource(probe.toString());
        } catch (DataFormatException e) {
            throw FhirException.badRequest("Group.member " + position + " to " + (position + batch.size() - 1)
                    + " holds an invalid element: " + e.getMessage());
        }
        for (ObjectNode member : batch) {
            if (!member.path("entity").isObject()) {
                throw FhirException.unprocessable(IssueType.REQUIRED, "Group.member " + position
                        + " has no entity (required).");
            }
            stage.add(GroupFhirMapper.member(member));
            position++;
        }
        batch.clear();
    }
}
