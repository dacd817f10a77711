package org.openpayer.bulkexport.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpayer.bulkexport.model.route.PublicUrls;

/** Makes the suite's {@link PublicUrls} injectable, from {@code suite.public-base-url} ({@code PUBLIC_BASE_URL}). */
@ApplicationScoped
public class PublicUrlsProducer {

    @Produces
    @Singleton
    PublicUrls publicUrls(@ConfigProperty(name = "suite.public-base-url") String publicBaseUrl) {
        return new PublicUrls(publicBaseUrl);
    }
}
