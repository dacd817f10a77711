package org.openpayer.bulkexport.attribution.roster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.oneOf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.AttributionTestResource;
import org.openpayer.bulkexport.attribution.DemoData;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A Group of 10^5 members is written, changed and read in bounded memory: the service runs these tests with a
 * 128 MB heap (see the failsafe configuration), less than one such list costs parsed whole. Streaming the
 * members in, merging one member change without loading the list, and streaming the list out must all fit.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class LargeGroupIT {

    private static final int MEMBERS = 100_000;
    private static final JsonFactory JSON = new JsonFactory();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String group = "grp-large-" + run;

    @Test
    void aHundredThousandMembers_streamIn_changeOneAtATime_andStreamOut() throws IOException {
        writer().body(groupWithMembers()).put("/fhir/Group/" + group).then().statusCode(201);
        assertThat(count(reader().get("/fhir/Group/" + group).asInputStream()))
                .isEqualTo(new Counts(MEMBERS, MEMBERS));

        String patient = "pat-large-extra-" + run;
        writer().body("{\"resourceType\":\"Patient\",\"id\":\"" + patient + "\"}").put("/fhir/Patient/" + patient)
                .then().statusCode(oneOf(200, 201));
        writer().body("{\"resourceType\":\"Practitioner\",\"id\":\"prac-" + run + "\"}")
                .put("/fhir/Practitioner/prac-" + run).then().statusCode(oneOf(200, 201));
        given().auth().oauth2(AttributionTestResource.TOKENS.token("maintainer", "system/Group.rus",
                        List.of(group), List.of())).contentType("application/fhir+json")
                .body("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"patientReference\","
                        + "\"valueReference\":{\"reference\":\"Patient/" + patient + "\"}},{\"name\":"
                        + "\"providerReference\",\"valueReference\":{\"reference\":\"Practitioner/prac-" + run
                        + "\"}}]}")
                .post("/fhir/Group/" + group + "/$member-add").then().statusCode(201);

        assertThat(count(reader().get("/fhir/Group/" + group).asInputStream()))
                .as("version 2: one new member, the rest unchanged").isEqualTo(new Counts(MEMBERS + 1, 1));
        assertThat(count(reader().get("/fhir/Group/" + group + "/_history/1").asInputStream()))
                .as("version 1, rebuilt").isEqualTo(new Counts(MEMBERS, MEMBERS));
    }

    @Test
    void aHundredThousandMemberGroup_bulkLoadsAsOneStreamedLine() throws IOException {
        DemoData.load(new String(groupWithMembers(), StandardCharsets.UTF_8) + "\n"
                        + "{\"resourceType\":\"Practitioner\",\"id\":\"after-" + run + "\"}\n")
                .then().statusCode(200);

        assertThat(count(reader().get("/fhir/Group/" + group).asInputStream()))
                .isEqualTo(new Counts(MEMBERS, MEMBERS));
    }

    /** Members in the served Group, and how many of them carry changeType new. */
    private record Counts(int members, int newMembers) {
    }

    private static Counts count(InputStream group) throws IOException {
        int members = 0;
        int newMembers = 0;
        try (JsonParser parser = JSON.createParser(group)) {
            int depth = 0;
            boolean inMembers = false;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                    if (inMembers && depth == 3 && token == JsonToken.START_OBJECT) {
                        members++;
                    }
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                    if (depth == 1) {
                        inMembers = false;
                    }
                } else if (token == JsonToken.FIELD_NAME && depth == 1 && "member".equals(parser.currentName())) {
                    inMembers = true;
                } else if (inMembers && token == JsonToken.VALUE_STRING && "valueCode".equals(parser.currentName())
                        && "new".equals(parser.getText())) {
                    newMembers++;
                }
            }
        }
        return new Counts(members, newMembers);
    }

    private byte[] groupWithMembers() {
        ByteArrayOutputStream body = new ByteArrayOutputStream(MEMBERS * 80);
        write(body, "{\"resourceType\":\"Group\",\"id\":\"" + group + "\",\"type\":\"person\",\"actual\":true,"
                + "\"member\":[");
        for (int i = 0; i < MEMBERS; i++) {
            write(body, (i == 0 ? "" : ",") + "{\"entity\":{\"reference\":\"Patient/p-" + i + "\"},"
                    + "\"period\":{\"start\":\"2026-01-01\"}}");
        }
        write(body, "]}");
        return body.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private RequestSpecification reader() {
        return given().auth().oauth2(AttributionTestResource.TOKENS.token("large-reader", "system/*.rs",
                List.of(group), List.of()));
    }

    private static RequestSpecification writer() {
        return given().auth().oauth2(AttributionTestResource.TOKENS.token("payer-etl", "system/*.cud", List.of(),
                List.of())).contentType("application/fhir+json");
    }
}
