package org.openpayer.bulkexport.attribution.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    /** This payer, as other payers' documents name it. */
    Payer payer();

    interface Payer {
        /**
         * This payer's identifiers, {@code system|value} (e.g. its NPI): a member's HRex Consent must name one of them
         * as the source of the data ({@code provision.actor} with role performer). The default is the old payer of
         * HRex's published example, for local use; set the real ones in every deployment.
         */
        @WithDefault("http://hl7.org/fhir/sid/us-npi|9876543210")
        List<String> identifiers();
    }

    /** HRex {@code $member-match}: another payer finds one of our members. */
    MemberMatch memberMatch();

    interface MemberMatch {
        /**
         * Failed matches (no match, several matches) a client may have within {@link #failureWindow()}; the next
         * request is refused with 429 until the oldest failure leaves the window. It stops guessing member ids or
         * demographics, and is counted in the database, so it holds across instances.
         */
        @WithDefault("20")
        int maxFailedMatches();

        /** The sliding window failed matches are counted in. */
        @WithDefault("10m")
        Duration failureWindow();

        /** PDex {@code $bulk-member-match}: many members in one asynchronous request. */
        Bulk bulk();
    }

    interface Bulk {
        /** MemberBundles one request may carry; a larger cohort is sent in several requests. */
        @WithDefault("1000")
        int maxMembers();

        /** How often each instance looks for submitted members waiting to be matched. */
        @WithDefault("1s")
        Duration pollInterval();

        /** The {@code Retry-After} a running job's status answers with. */
        @WithDefault("2s")
        Duration retryAfter();

        /**
         * How long a finished job's result stays at its status URL; then the job, with the demographics and Consents
         * it was sent, is deleted. The Group of matched members and the stored matches stay.
         */
        @WithDefault("24h")
        Duration retention();
    }

    /** Payer-to-payer pull: this payer, as the new one, fetches a member's data from another payer. */
    PayerPull payerPull();

    interface PayerPull {
        /** Whether this instance runs pulls; the API accepts them either way, and any instance may run them. */
        @WithDefault("true")
        boolean workerEnabled();

        /** How often an instance with room for work looks for pulls to run. */
        @WithDefault("1s")
        Duration claimInterval();

        /** Pulls one instance runs at once. */
        @WithDefault("2")
        int concurrency();

        /**
         * How long a running pull stays with its instance without a heartbeat. A pull whose instance died is taken
         * over by another once this has passed; a running pull renews it at every step, poll and file batch.
         */
        @WithDefault("2m")
        Duration lease();

        /** How often a pull may be started (each restart of the instance running it counts) before it fails. */
        @WithDefault("5")
        int maxAttempts();

        /** The longest a pull may take from its first start; an export at the old payer not done by then fails it. */
        @WithDefault("1h")
        Duration timeout();

        /** Connect timeout towards another payer. */
        @WithDefault("5s")
        Duration connectTimeout();

        /**
         * The longest one request to another payer (token, $member-match, kick-off, status) may take, and the longest
         * a download may go without receiving a byte.
         */
        @WithDefault("30s")
        Duration requestTimeout();

        /** The longest wait between two status polls, whatever Retry-After asks for. */
        @WithDefault("30s")
        Duration maxPollInterval();

        /** The most NDJSON one pull may download, in bytes: a bound on what another payer can make us store. */
        @WithDefault("1073741824")
        long maxDownloadBytes();

        /** Whether registered payers may use http to a loopback address (local stacks and tests only). */
        @WithDefault("false")
        boolean allowLoopbackHttp();

        /**
         * The directory holding our private keys for other payers (a mounted secret), which {@code file:NAME}
         * key references name. Without it only {@code env:PAYER_PULL_KEY_…} references work.
         */
        Optional<String> keyDirectory();
    }
}
