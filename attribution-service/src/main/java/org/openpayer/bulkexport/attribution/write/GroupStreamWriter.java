package org.openpayer.bulkexport.attribution.write;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Resource;
import org.openpayer.bulkexport.attribution.load.FhirJson;
import org.openpayer.bulkexport.attribution.roster.GroupMembership;
import org.openpayer.bulkexport.attribution.roster.GroupStreamReader;
import org.openpayer.bulkexport.rest.FhirException;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Create and update of a Group from the request stream, in memory bounded by one batch of members whatever the size
 * of the list: members are validated and staged as they are read ({@link StreamedMembers}); the Group's own element
 * is validated and stored last, and the staged members merged into its new version.
 */
@ApplicationScoped
public class GroupStreamWriter {

    private final FhirJson fhir;
    private final GroupMembership membership;
    private final ResourceWriter writer;

    public GroupStreamWriter(FhirJson fhir, GroupMembership membership, ResourceWriter writer) {
        this.fhir = fhir;
        this.membership = membership;
        this.writer = writer;
    }

    /**
     * @param id              the URL's id for an update, {@code null} for a create
     * @param expectedVersion the version {@code If-Match} names, if any
     */
    public WriteResult write(Connection connection, InputStream body, String id, Optional<Long> expectedVersion)
            throws SQLException, IOException {
        StreamedMembers members = new StreamedMembers(fhir, membership.stage(connection));
        ObjectNode header = GroupStreamReader.read(body, members);
        members.finish();
        return writer.writeStagedGroup(connection, groupElement(header), id, expectedVersion);
    }

    private Group groupElement(ObjectNode header) {
        if (!"Group".equals(header.path("resourceType").asText())) {
            throw FhirException.badRequest("The body is a " + header.path("resourceType").asText("JSON object")
                    + ", but the URL names Group.");
        }
        try {
            Resource parsed = (Resource) fhir.strictParser().parseResource(header.toString());
            return (Group) parsed;
        } catch (DataFormatException e) {
            throw FhirException.badRequest("The body is not a valid FHIR R4 Group: " + e.getMessage());
        }
    }
}
