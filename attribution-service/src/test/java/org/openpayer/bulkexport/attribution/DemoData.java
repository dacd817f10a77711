package org.openpayer.bulkexport.attribution;

import static io.restassured.RestAssured.given;

import org.openpayer.bulkexport.stack.demo.DemoDataset;
import org.openpayer.bulkexport.model.security.AdminCredentials;

import java.nio.charset.StandardCharsets;

/** Loads the demo dataset through the admin API, once per test JVM. */
public final class DemoData {

    private static boolean loaded;

    private DemoData() {
    }

    public static synchronized void ensureLoaded() {
        if (!loaded) {
            load(String.join("\n", DemoDataset.ndjsonLines()) + "\n").then().statusCode(200);
            loaded = true;
        }
    }

    public static io.restassured.response.Response load(String ndjson) {
        return given().header(AdminCredentials.HEADER, AttributionTestResource.ADMIN_KEY)
                .contentType("application/fhir+ndjson")
                .body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post("/admin/ndjson");
    }
}
