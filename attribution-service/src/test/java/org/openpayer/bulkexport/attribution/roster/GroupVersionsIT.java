package org.openpayer.bulkexport.attribution.roster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.AttributionTestResource;
import org.openpayer.bulkexport.attribution.DemoData;
import org.openpayer.bulkexport.stack.demo.DemoDataset;
import org.openpayer.bulkexport.model.fhir.atr.AtrVocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Group versions: each change is a version, members carry the changeType the server computes for it, earlier
 * versions stay readable whole, and members are stored apart so versions do not copy the list.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class GroupVersionsIT {

    private static final String A = DemoDataset.patientId(11);
    private static final String B = DemoDataset.patientId(12);
    private static final String C = DemoDataset.patientId(13);
    private static final String PROVIDER = "Practitioner/prov-1";
    private static final String CHANGE_TYPES =
            "member.extension.flatten().findAll { it.url.endsWith('changeType') }.valueCode";

    private final String id = "grp-versions-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void demoData() {
        DemoData.ensureLoaded();
    }

    @Test
    void changeTypes_followTheVersions_andEveryVersionStaysReadable() {
        put(member(A, "2026-01-01", null), member(B, "2026-01-01", PROVIDER));
        read().body(CHANGE_TYPES, equalTo(List.of("new", "new")));

        put(member(A, "2026-02-01", null), member(B, "2026-01-01", PROVIDER), member(C, "2026-02-01", null));
        read().body("meta.versionId", equalTo("2"))
                .body("member.entity.reference", equalTo(refs(A, B, C)))
                .body(CHANGE_TYPES,
                        equalTo(List.of("changed", "nochange", "new")));

        put(member(A, "2026-02-01", null), member(C, "2026-02-01", null));
        read().body("member.entity.reference", equalTo(refs(A, B, C)))
                .body("member.inactive", equalTo(Arrays.asList(null, true, null)))
                .body(CHANGE_TYPES,
                        equalTo(List.of("nochange", "dropped", "nochange")));

        put(member(A, "2026-02-01", null), member(C, "2026-02-01", null));
        read().body("member.entity.reference", equalTo(refs(A, C)));

        vread(1).body("meta.versionId", equalTo("1"))
                .body("member.entity.reference", equalTo(refs(A, B)))
                .body("member[0].period.start", equalTo("2026-01-01"))
                .body(CHANGE_TYPES,
                        equalTo(List.of("new", "new")));
        vread(3).body(CHANGE_TYPES,
                equalTo(List.of("nochange", "dropped", "nochange")));
    }

    @Test
    void oneMemberPerProvider_isTwoMembers_butTwiceForOneProviderIs400() {
        put(member(A, "2026-01-01", PROVIDER), member(A, "2026-01-01", "Practitioner/prov-2"));
        read().body("member.entity.reference", equalTo(refs(A, A)));

        writer().body(group(member(A, "2026-01-01", PROVIDER), member(A, "2026-03-01", PROVIDER)))
                .put("/fhir/Group/" + id)
                .then().statusCode(400).body("issue[0].diagnostics", containsString("twice"));
        read().body("meta.versionId", equalTo("1"));
    }

    @Test
    void clientChangeTypes_areReplacedByTheComputedOnes() {
        String claimedChange = "{\"extension\":[{\"url\":\"" + AtrVocabulary.CHANGE_TYPE + "\",\"valueCode\":"
                + "\"dropped\"}],\"entity\":{\"reference\":\"Patient/" + A + "\"}}";
        put(claimedChange);
        read().body("member[0].extension.valueCode", equalTo(List.of("new")))
                .body("member[0].inactive", equalTo(null));
    }

    @Test
    void deletedGroup_is410_andItsVersionsStayReadable() {
        put(member(A, "2026-01-01", null));
        writer().delete("/fhir/Group/" + id).then().statusCode(204);

        reader().get("/fhir/Group/" + id).then().statusCode(404);
        writer().body(group(member(B, "2026-01-01", null))).put("/fhir/Group/" + id).then().statusCode(201);
        vread(1).body("member.entity.reference", equalTo(refs(A)));
        read().body("meta.versionId", equalTo("3")).body("member.entity.reference", equalTo(refs(B)));
    }

    private void put(String... members) {
        writer().body(group(members)).put("/fhir/Group/" + id).then().statusCode(oneOf(200, 201));
    }

    private ValidatableResponse read() {
        return reader().get("/fhir/Group/" + id).then().statusCode(200);
    }

    private ValidatableResponse vread(int version) {
        return reader().get("/fhir/Group/" + id + "/_history/" + version).then().statusCode(200);
    }

    private RequestSpecification reader() {
        return given().auth().oauth2(AttributionTestResource.TOKENS.token("versions-reader", "system/*.rs",
                List.of(id), List.of()));
    }

    private static RequestSpecification writer() {
        return given().auth().oauth2(AttributionTestResource.TOKENS.token("payer-etl", "system/Group.cud",
                List.of(), List.of())).contentType("application/fhir+json");
    }

    private String group(String... members) {
        return "{\"resourceType\":\"Group\",\"id\":\"" + id + "\",\"type\":\"person\",\"actual\":true,"
                + "\"member\":[" + String.join(",", members) + "]}";
    }

    private static String member(String patient, String start, String provider) {
        return "{" + (provider == null ? "" : "\"extension\":[{\"url\":\"" + AtrVocabulary.ATTRIBUTED_PROVIDER
                + "\",\"valueReference\":{\"reference\":\"" + provider + "\"}}],")
                + "\"entity\":{\"reference\":\"Patient/" + patient + "\"},\"period\":{\"start\":\"" + start + "\"}}";
    }

    private static List<String> refs(String... patients) {
        return Arrays.stream(patients).map(patient -> "Patient/" + patient).toList();
    }
}
