package org.openpayer.bulkexport.attribution.membermatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.openpayer.bulkexport.attribution.membermatch.MemberMatchIT.PATH;
import static org.openpayer.bulkexport.attribution.membermatch.MemberMatchIT.asPayer;
import static org.openpayer.bulkexport.attribution.membermatch.MemberMatchRequestBuilder.hrexExample;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.attribution.AttributionTestResource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The guessing limit of {@code $member-match} at its default (20 failed matches per client in 10 minutes): what
 * counts, that it holds under concurrent requests (the database serializes a client's matches, as it would across
 * instances), and that it is one client's alone.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(AttributionTestResource.class)
class FailedMatchThrottleIT {

    private final String client = "guessing-payer-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void exampleMemberIsStored() {
        StoredMembers.member("hrex-example-member", "DH10001235", "Person", "Patricia", "1974-12-25");
    }

    @Test
    void failedMatches_beyondTheLimit_are429WithRetryAfter_andOtherClientsAreUnaffected() {
        // given: 20 failed guesses (the default limit) by one client
        for (int guess = 0; guess < 20; guess++) {
            asPayer(client).body(hrexExample().withMemberId("GUESS-" + guess).json()).post(PATH)
                    .then().statusCode(422);
        }

        // when / then: the next request is refused, even a right one
        asPayer(client).body(hrexExample().json()).post(PATH)
                .then().statusCode(429)
                .header("Retry-After", Integer::parseInt, allOf(greaterThan(0), lessThanOrEqualTo(600)))
                .body("issue[0].code", equalTo("throttled"));
        asPayer("other-" + client).body(hrexExample().json()).post(PATH).then().statusCode(200);
    }

    @Test
    void concurrentGuesses_neverGetPastTheLimit() throws Exception {
        // given: 30 failing guesses sent at once, as several instances would receive them
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int guess = 0; guess < 30; guess++) {
            String memberId = "PARALLEL-" + guess;
            statuses.add(senders.submit(() -> asPayer(client).body(hrexExample().withMemberId(memberId).json())
                    .post(PATH).then().extract().statusCode()));
        }

        // when
        List<Integer> answered = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answered.add(status.get(30, TimeUnit.SECONDS));
        }
        senders.shutdown();

        // then: exactly the limit was matched, the rest refused
        assertThat(answered).filteredOn(status -> status == 422).hasSize(20);
        assertThat(answered).filteredOn(status -> status == 429).hasSize(10);
    }

    @Test
    void refusedConsents_areNotGuesses_andDoNotCountAgainstTheLimit() {
        for (int attempt = 0; attempt < 25; attempt++) {
            asPayer(client).body(hrexExample().withConsentPeriod(LocalDate.of(2022, 1, 1),
                    LocalDate.of(2022, 1, 31)).json()).post(PATH).then().statusCode(422);
        }

        asPayer(client).body(hrexExample().json()).post(PATH).then().statusCode(200);
    }
}
