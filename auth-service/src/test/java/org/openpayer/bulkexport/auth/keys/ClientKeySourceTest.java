package org.openpayer.bulkexport.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.auth.client.RegisteredClient;
import org.openpayer.bulkexport.smartclient.ClientKey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

class ClientKeySourceTest {

    private static final String URL = "https://clinic.example/jwks.json";

    private final MutableClock clock = new MutableClock();
    private final List<String> fetches = new ArrayList<>();
    private List<JsonWebKey> published = keys("k1");
    private Duration reusableFor = Duration.ofMinutes(5);
    private final ClientKeySource source = new ClientKeySource(url -> {
        fetches.add(url);
        return new FetchedJwks(published, reusableFor);
    }, clock, Duration.ofSeconds(10));

    @Test
    void keysFor_withinCacheLifetime_fetchesOnce() {
        source.keysFor(urlClient(), "k1");
        clock.advance(Duration.ofMinutes(4));
        source.keysFor(urlClient(), "k1");

        assertThat(fetches).hasSize(1);
    }

    @Test
    void keysFor_afterCacheLifetime_fetchesAgain() {
        source.keysFor(urlClient(), "k1");
        clock.advance(Duration.ofMinutes(5));
        source.keysFor(urlClient(), "k1");

        assertThat(fetches).hasSize(2);
    }

    @Test
    void keysFor_noStoreResponse_fetchesEveryTime() {
        reusableFor = Duration.ZERO;

        source.keysFor(urlClient(), "k1");
        source.keysFor(urlClient(), "k1");

        assertThat(fetches).hasSize(2);
    }

    @Test
    void keysFor_unknownKid_refetchesToFindARotatedKey() {
        source.keysFor(urlClient(), "k1");
        published = keys("k1", "k2");
        clock.advance(Duration.ofSeconds(10));

        List<JsonWebKey> keys = source.keysFor(urlClient(), "k2");

        assertThat(keys).extracting(JsonWebKey::getKeyId).contains("k2");
        assertThat(fetches).hasSize(2);
    }

    @Test
    void keysFor_unknownKidsInQuickSuccession_refetchAtMostOncePerInterval() {
        source.keysFor(urlClient(), "k1");
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            source.keysFor(urlClient(), "made-up-" + i);
        }

        assertThat(fetches).hasSize(1);
    }

    @Test
    void keysFor_inlineJwks_neverFetches() throws Exception {
        RegisteredClient client = new RegisteredClient();
        client.jwks = new JsonWebKeySet(published).toJson();

        assertThat(source.keysFor(client, "k1")).extracting(JsonWebKey::getKeyId).containsExactly("k1");
        assertThat(fetches).isEmpty();
    }

    @Test
    void forget_makesTheNextCallFetch() {
        source.keysFor(urlClient(), "k1");
        source.forget(URL);
        source.keysFor(urlClient(), "k1");

        assertThat(fetches).hasSize(2);
    }

    private static RegisteredClient urlClient() {
        RegisteredClient client = new RegisteredClient();
        client.jwksUrl = URL;
        return client;
    }

    private static List<JsonWebKey> keys(String... kids) {
        List<JsonWebKey> keys = new ArrayList<>();
        for (String kid : kids) {
            keys.add(ClientKey.es384(kid).jwk());
        }
        return keys;
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-21T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
