package org.openpayer.bulkexport.attribution.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of attribution-service; each comes from an environment variable with a local default. */
@ConfigMapping(prefix = "attribution")
public interface AttributionConfig {

    /** Bulk NDJSON loading. */
    Load load();

    interface Load {
        /** Resources written per database round trip; bounds the memory a load holds at once. */
        @WithDefault("500")
        int batchSize();
    }

    /** The event outbox. */
    Outbox outbox();

    interface Outbox {
        /** How often the relay publishes waiting events to Kafka: the most an event waits after its commit. */
        @WithDefault("1s")
        Duration relayInterval();
    }

    /** Da Vinci PDex. */
    Pdex pdex();

    interface Pdex {
        /**
         * PDex 2.1 provider-download bookkeeping: after each provider-download export, the members it sent record
         * lastTransmitted, lastResources and lastFilters in a new Group version. PDex 2.2 removed it (payers keep an
         * internal audit trail instead): turn it off there. It also switches the export-completed consumer on or off.
         */
        @WithDefault("true")
        boolean downloadBookkeeping();
    }
}
