package org.openpayer.bulkexport.attribution.payerpull.task;

import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.payerpull.registry.RemotePayerRepository;

import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Pulls as Task JSON, for their owners' FHIR reads and the operators' admin reads alike. */
@ApplicationScoped
public class PayerPullTasks {

    /** A pull's Task and who owns it. */
    record OwnedTask(String clientId, String json) {
    }

    private final PayerPullRepository pulls;
    private final RemotePayerRepository payers;
    private final PayerPullTaskFhirMapper mapper;

    public PayerPullTasks(PayerPullRepository pulls, RemotePayerRepository payers, PayerPullTaskFhirMapper mapper) {
        this.pulls = pulls;
        this.payers = payers;
        this.mapper = mapper;
    }

    /** The Task of pull {@code id}; empty for an id that is not a pull's. */
    Optional<OwnedTask> find(String id) throws SQLException {
        UUID pullId;
        try {
            pullId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<PayerPull> pull = pulls.find(pullId);
        if (pull.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OwnedTask(pull.get().clientId(), mapper.toFhir(pull.get(),
                payers.find(pull.get().remotePayerId()).orElseThrow())));
    }
}
