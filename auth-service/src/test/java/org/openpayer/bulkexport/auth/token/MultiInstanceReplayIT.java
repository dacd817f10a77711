package org.openpayer.bulkexport.auth.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openpayer.bulkexport.auth.token.TokenRequests.URLS;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.auth.AuthServiceTestResource;
import org.openpayer.bulkexport.auth.client.RegisteredClients;
import org.openpayer.bulkexport.smartclient.ClientAssertion;
import org.openpayer.bulkexport.smartclient.ClientKey;
import org.openpayer.bulkexport.stack.infra.FreePort;
import org.openpayer.bulkexport.stack.infra.JavaCommand;
import org.openpayer.bulkexport.stack.infra.ManagedProcess;
import org.openpayer.bulkexport.stack.infra.ReadinessProbe;
import org.openpayer.bulkexport.stack.testing.RealServersResource;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.IntSupplier;

/**
 * Two auth-service instances on one database, as in a deployment with replicas: an assertion accepted by one is
 * refused by the other, and when both receive it at the same moment exactly one accepts it.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(AuthServiceTestResource.class)
class MultiInstanceReplayIT {

    private static final ClientKey KEY = ClientKey.es384("replay-" + UUID.randomUUID());
    private static ManagedProcess secondInstance;
    private static int secondPort;

    @BeforeAll
    static void startSecondInstance() {
        secondPort = FreePort.find();
        Map<String, String> env = new HashMap<>(RealServersResource.infrastructure().endpoints().environment());
        env.put("HTTP_PORT", String.valueOf(secondPort));
        env.put("PUBLIC_BASE_URL", AuthServiceTestResource.PUBLIC_BASE_URL);
        env.put("ADMIN_API_KEY", AuthServiceTestResource.ADMIN_KEY);
        secondInstance = ManagedProcess.start("auth-service-2",
                JavaCommand.withHeap("256m").jar(Path.of("target", "quarkus-app", "quarkus-run.jar")), env,
                Path.of("target", "auth-service-2.log"), false);
        HttpClient http = HttpClient.newHttpClient();
        secondInstance.awaitReady(Duration.ofSeconds(90), () -> ReadinessProbe.answers200(http,
                "http://127.0.0.1:" + secondPort + "/q/health/ready"));
    }

    @AfterAll
    static void stopSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    @Test
    void replay_assertionUsedAtOneInstance_isRefusedByTheOther() {
        String clientId = RegisteredClients.register(KEY, List.of("system/*.rs"));
        String assertion = ClientAssertion.of(KEY, clientId, URLS.tokenUrl()).sign();

        TokenRequests.tokenRequest(assertion, "system/*.rs").then().statusCode(200);
        Response atSecond = tokenRequestToSecond(assertion);

        assertThat(atSecond.statusCode()).isEqualTo(401);
        assertThat(atSecond.jsonPath().getString("error")).isEqualTo("invalid_client");
    }

    @Test
    void replay_sameAssertionAtBothInstancesAtOnce_isAcceptedExactlyOnce() throws Exception {
        String clientId = RegisteredClients.register(KEY, List.of("system/*.rs"));
        for (int round = 0; round < 10; round++) {
            String assertion = ClientAssertion.of(KEY, clientId, URLS.tokenUrl()).sign();
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(
                    () -> awaitThen(start, () -> TokenRequests.tokenRequest(assertion, "system/*.rs").statusCode()));
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(
                    () -> awaitThen(start, () -> tokenRequestToSecond(assertion).statusCode()));

            assertThat(List.of(first.get(), second.get())).as("round %d", round).containsExactlyInAnyOrder(200, 401);
        }
    }

    private static Response tokenRequestToSecond(String assertion) {
        return TokenRequests.tokenRequest(given().baseUri("http://127.0.0.1").port(secondPort), assertion,
                "system/*.rs");
    }

    private static int awaitThen(CyclicBarrier barrier, IntSupplier call) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return call.getAsInt();
    }
}
