package org.openpayer.bulkexport.attribution.payerpull.ingest;

import org.openpayer.bulkexport.model.fhir.ResourceType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

/**
 * What one import maps between: the old payer's ids and ours. Our id for a pulled resource is derived from where it
 * came from (the payer, the resource's type and id there, and for member data our member), never random: a retried or
 * repeated pull of the same resource lands on the same row, so nothing is imported twice.
 *
 * @param payerId         the registered payer
 * @param remoteBase      its FHIR base URL
 * @param remotePatientId the member's Patient id there
 * @param patientId       our member
 * @param staged          {@code Type/id} (their ids) of every resource this pull brings
 */
public record ImportScope(UUID payerId, String remoteBase, String remotePatientId, String patientId,
                          Set<String> staged) {

    private static final String PREFIX = "p2p-";
    /** 160 bits of SHA-256: ids stay short (FHIR allows 64 characters) and collisions out of reach. */
    private static final int HEX_CHARS = 40;

    public ImportScope {
        staged = Set.copyOf(staged);
    }

    /**
     * Our id for their {@code type/remoteId}. Member data is namespaced by our member too, so two members who (wrongly)
     * match the same person there never share rows; directory resources (Practitioner, Organization...) are shared.
     */
    public String localId(String type, String remoteId) {
        boolean memberData = ResourceType.byName(type).map(ResourceType::inPatientCompartment).orElse(true);
        String source = payerId + "|" + (memberData ? patientId : "") + "|" + type + "/" + remoteId;
        return PREFIX + sha256(source).substring(0, HEX_CHARS);
    }

    /** The resource's absolute URL at the old payer. */
    public String remoteUrl(String type, String remoteId) {
        return remoteBase + "/" + type + "/" + remoteId;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
