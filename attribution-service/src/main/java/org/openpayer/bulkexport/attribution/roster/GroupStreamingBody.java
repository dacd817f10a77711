package org.openpayer.bulkexport.attribution.roster;

import jakarta.ws.rs.core.StreamingOutput;

import org.openpayer.bulkexport.model.fhir.atr.ServedGroup;


import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * A Group read with its members, written as the members stream from the database: the Group's own element, then
 * each stored member element copied as text without being parsed. Memory stays bounded by the buffer, whatever the
 * size of the list.
 */
final class GroupStreamingBody implements StreamingOutput {

    private static final int BUFFER_CHARS = 64 * 1024;

    private final String groupWithoutMembers;
    private final MemberSource members;

    /**
     * @param groupWithoutMembers the served Group element as compact JSON, without {@code member}
     * @param members             the served member elements of the version served
     */
    GroupStreamingBody(String groupWithoutMembers, MemberSource members) {
        this.groupWithoutMembers = groupWithoutMembers;
        this.members = members;
    }

    /** Streams member elements into a sink. */
    @FunctionalInterface
    interface MemberSource {
        void forEach(GroupRepository.MemberSink sink) throws SQLException, IOException;
    }

    @Override
    public void write(OutputStream output) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8),
                BUFFER_CHARS);
        writeGroup(writer, groupWithoutMembers, members);
        writer.flush();
    }

    /** Writes the Group element with its members streamed in, as one JSON object, into {@code writer}. */
    static void writeGroup(Writer writer, String groupWithoutMembers, MemberSource members) throws IOException {
        ServedGroup.write(writer, groupWithoutMembers, sink -> {
            try {
                members.forEach(sink::accept);
            } catch (SQLException e) {
                throw new IOException("cannot read the Group's members", e);
            }
        });
    }
}
