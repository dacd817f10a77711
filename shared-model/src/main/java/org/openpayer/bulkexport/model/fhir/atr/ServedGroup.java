package org.openpayer.bulkexport.model.fhir.atr;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An attribution Group as it is served and exported: its own element (stored without members), PDex's count of members
 * who opted out, and the members of the version served streamed in as text, so a list of any size is written in
 * bounded memory.
 */
public final class ServedGroup {

    private ServedGroup() {
    }

    /** Produces the served member elements, one JSON text each, in order. */
    @FunctionalInterface
    public interface MemberSource {
        void forEach(MemberSink sink) throws IOException;
    }

    /** Receives member elements as JSON text. */
    @FunctionalInterface
    public interface MemberSink {
        void accept(String memberJson) throws IOException;
    }

    /**
     * PDex's count of would-be members who opted out of provider access, on a served Group; none when nobody did.
     * Opted-out members themselves are never served.
     */
    public static ObjectNode withOptedOut(ObjectNode group, int optedOut) {
        ArrayNode extensions = group.get("extension") instanceof ArrayNode existing ? existing : null;
        if (extensions != null) {
            for (int i = extensions.size() - 1; i >= 0; i--) {
                if (AtrVocabulary.OPTED_OUT.equals(extensions.get(i).path("url").asText())) {
                    extensions.remove(i);
                }
            }
        }
        if (optedOut > 0) {
            if (extensions == null) {
                extensions = group.putArray("extension");
            }
            extensions.addObject().put("url", AtrVocabulary.OPTED_OUT)
                    .putObject("valueQuantity").put("value", optedOut);
        }
        return group;
    }

    /**
     * Writes the Group element with its members streamed in, as one JSON object: the element's text up to its closing
     * brace, then {@code "member":[...]} when there are members.
     *
     * @param groupWithoutMembers the served Group element as compact JSON, without {@code member}
     */
    public static void write(Writer writer, String groupWithoutMembers, MemberSource members) throws IOException {
        writer.write(head(groupWithoutMembers));
        boolean[] first = {true};
        members.forEach(member -> {
            writer.write(separator(first[0]));
            writer.write(member);
            first[0] = false;
        });
        writer.write(tail(!first[0]));
    }

    /**
     * The same JSON as {@link #write}, as pieces pulled in order, each member only when its piece is reached: for
     * readers that pull (an upload reading an InputStream) rather than push.
     */
    public static Iterator<String> pieces(String groupWithoutMembers, Iterator<String> members) {
        return new Iterator<>() {
            private boolean started;
            private boolean anyMember;
            private boolean separatorNext = true;
            private boolean done;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public String next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                if (!started) {
                    started = true;
                    return head(groupWithoutMembers);
                }
                if (members.hasNext()) {
                    if (separatorNext) {
                        separatorNext = false;
                        String separator = separator(!anyMember);
                        anyMember = true;
                        return separator;
                    }
                    separatorNext = true;
                    return members.next();
                }
                done = true;
                return tail(anyMember);
            }
        };
    }

    private static String head(String groupWithoutMembers) {
        return groupWithoutMembers.substring(0, groupWithoutMembers.lastIndexOf('}'));
    }

    private static String separator(boolean firstMember) {
        return firstMember ? ",\"member\":[" : ",";
    }

    private static String tail(boolean anyMember) {
        return anyMember ? "]}" : "}";
    }
}
