package org.openpayer.bulkexport.auth.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;
import org.openpayer.bulkexport.auth.client.RegisteredClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * The public keys a client signs its assertions with: stored inline, or fetched from its registered JWKS URL and
 * reused as long as the response's {@code Cache-Control} allows. A kid the cached set lacks makes us refetch, rate
 * limited per URL, so a client that rotates its keys is never locked out by our cache.
 */
@ApplicationScoped
public class ClientKeySource {

    private final Function<String, FetchedJwks> fetcher;
    private final Clock clock;
    private final Duration refetchMinInterval;
    private final ConcurrentMap<String, CachedJwks> byUrl = new ConcurrentHashMap<>();

    @Inject
    public ClientKeySource(JwksFetcher fetcher, ClientJwksSettings settings) {
        this(fetcher::fetch, Clock.systemUTC(), settings.refetchMinInterval());
    }

    ClientKeySource(Function<String, FetchedJwks> fetcher, Clock clock, Duration refetchMinInterval) {
        this.fetcher = fetcher;
        this.clock = clock;
        this.refetchMinInterval = refetchMinInterval;
    }

    /**
     * The client's keys, current enough to check an assertion signed with {@code kid}.
     *
     * @throws KeyUnavailableException when the client's JWKS cannot be read or fetched
     */
    public List<JsonWebKey> keysFor(RegisteredClient client, String kid) {
        if (client.jwks != null) {
            return inlineKeys(client.jwks);
        }
        Instant now = clock.instant();
        CachedJwks cached = byUrl.get(client.jwksUrl);
        boolean rotatedKeyMayBeThere = cached != null && !cached.hasKid(kid)
                && cached.mayRefetchAt(now, refetchMinInterval);
        if (cached == null || !cached.freshAt(now) || rotatedKeyMayBeThere) {
            cached = new CachedJwks(fetcher.apply(client.jwksUrl), now);
            byUrl.put(client.jwksUrl, cached);
        }
        return cached.jwks.keys();
    }

    /** Drops what was fetched from {@code url}: its client now has other keys, or another URL. */
    public void forget(String url) {
        if (url != null) {
            byUrl.remove(url);
        }
    }

    private static List<JsonWebKey> inlineKeys(String json) {
        try {
            return new JsonWebKeySet(json).getJsonWebKeys();
        } catch (JoseException e) {
            throw new KeyUnavailableException("the client's registered JWKS cannot be read");
        }
    }

    /** One URL's keys and when they were fetched. */
    private record CachedJwks(FetchedJwks jwks, Instant fetchedAt) {

        boolean freshAt(Instant now) {
            return now.isBefore(fetchedAt.plus(jwks.reusableFor()));
        }

        boolean hasKid(String kid) {
            return jwks.keys().stream().anyMatch(key -> Objects.equals(key.getKeyId(), kid));
        }

        boolean mayRefetchAt(Instant now, Duration minInterval) {
            return !now.isBefore(fetchedAt.plus(minInterval));
        }
    }
}
