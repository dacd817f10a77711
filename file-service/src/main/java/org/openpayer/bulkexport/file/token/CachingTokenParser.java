package org.openpayer.bulkexport.file.token;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;

/**
 * Decorates smallrye-jwt's parser, which verifies the bearer token of every request, with {@link VerifiedTokens}: the
 * same token is verified once and then reused for a short while. Only {@code parse(String)}, the call that
 * authenticates requests, is cached; every other method goes straight to smallrye-jwt.
 */
@Decorator
@Priority(10)
abstract class CachingTokenParser implements JWTParser {

    private final JWTParser parser;
    private final VerifiedTokens verified = new VerifiedTokens(Clock.systemUTC());

    @Inject
    CachingTokenParser(@Delegate @Any JWTParser parser) {
        this.parser = parser;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return verified.get(token, parser::parse);
    }
}
