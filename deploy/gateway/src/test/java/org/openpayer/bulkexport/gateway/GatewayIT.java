package org.openpayer.bulkexport.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** The packaged gateway in front of fake services: routing by the route table, streaming, and its own errors. */
@QuarkusIntegrationTest
@QuarkusTestResource(EchoUpstreams.class)
class GatewayIT {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/.well-known/smart-configuration, auth-service",
            "/fhir/.well-known/smart-configuration, auth-service",
            "/auth/jwks, auth-service",
            "/fhir/Group/east/$export, export-service",
            "/fhir/Group/east/%24export, export-service",
            "/fhir/bulkstatus/123, export-service",
            "/fhir/Group/east, attribution-service",
            "/fhir/Group?identifier=x%7Cy, attribution-service"
    })
    void get_publicPath_reachesItsServiceUnchanged(String path, String service) {
        given().urlEncodingEnabled(false).header("Authorization", "Bearer abc")
                .get(path)
                .then()
                .body("service", equalTo(service))
                .body("uri", equalTo(path))
                .body("authorization", equalTo("Bearer abc"))
                .body("forwardedFor", notNullValue());
    }

    @Test
    void get_unencodedPipeInQuery_isForwardedPercentEncoded() throws Exception {
        // given: a request line as curl sends it; Java's HTTP clients refuse to send one
        String requestLine = "GET /fhir/Group?identifier=http://hl7.org/fhir/sid/us-npi|1316206220 HTTP/1.1";

        // when
        String response = rawRequest(requestLine);

        // then
        assertThat(response).startsWith("HTTP/1.1 200")
                .contains("\"service\":\"attribution-service\"")
                .contains("\"uri\":\"/fhir/Group?identifier=http://hl7.org/fhir/sid/us-npi%7C1316206220\"");
    }

    @Test
    void post_body_streamsThroughWhole() {
        byte[] body = new byte[3 * 1024 * 1024];

        given().contentType("application/octet-stream").body(body)
                .post("/auth/token")
                .then().statusCode(200)
                .body("service", equalTo("auth-service"))
                .body("method", equalTo("POST"))
                .body("bodyBytes", equalTo(body.length));
    }

    @Test
    void upstreamStatusAndHeaders_passThrough() {
        given().urlEncodingEnabled(false).get("/fhir/Group/east/$export")
                .then().statusCode(202)
                .header("Content-Location", "http://localhost/fhir/bulkstatus/1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/clients", "/admin/ndjson", "/nothing-here", "/"})
    void nonPublicPath_is404OperationOutcome(String path) {
        given().get(path)
                .then().statusCode(404)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("not-found"));
    }

    @Test
    void serviceDown_is502OperationOutcome() {
        given().get("/files/job/file.ndjson")
                .then().statusCode(502)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("transient"));
    }

    @Test
    void health_isServedByTheGatewayItself() {
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static String rawRequest(String requestLine) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
