package org.openpayer.bulkexport.attribution.load;

import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Resource;
import org.openpayer.bulkexport.attribution.roster.GroupFhirMapper;
import org.openpayer.bulkexport.attribution.roster.GroupMember;
import org.openpayer.bulkexport.attribution.roster.GroupMembers;
import org.openpayer.bulkexport.attribution.search.SearchIndexValues;
import org.openpayer.bulkexport.attribution.search.SearchValueExtractor;
import org.openpayer.bulkexport.attribution.store.ResourceWrite;
import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.rest.FhirException;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps a parsed HAPI resource to the row that stores it: checks it is a type and id the store takes, finds the
 * patient compartment it belongs to and the values it is searched by, and renders its JSON with the server's
 * {@code meta.versionId} and {@code meta.lastUpdated}.
 */
@ApplicationScoped
public class StoredResourceFhirMapper {

    /** FHIR R4 id syntax. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final FhirJson fhir;
    private final SearchValueExtractor searchValues;
    private final GroupFhirMapper groupMapper;

    public StoredResourceFhirMapper(FhirJson fhir, SearchValueExtractor searchValues, GroupFhirMapper groupMapper) {
        this.fhir = fhir;
        this.searchValues = searchValues;
        this.groupMapper = groupMapper;
    }

    public ResourceWrite fromFhir(Resource resource) {
        String typeName = resource.fhirType();
        ResourceType type = ResourceType.byName(typeName).orElseThrow(() -> FhirException.notSupported(
                "Resource type " + typeName + " is not stored by this server."));
        String id = resource.getIdElement().getIdPart();
        if (id == null || !ID.matcher(id).matches()) {
            throw FhirException.badRequest(typeName + " needs an id of 1 to 64 letters, digits, '-' or '.'.");
        }
        if (resource instanceof Group group) {
            // Members are stored as rows of their own; the Group's row is rendered without them.
            List<GroupMember> members = groupMapper.fromFhir(fhir.compactWriter().encodeResourceToString(group))
                    .members();
            group.getMember().clear();
            return new ResourceWrite(typeName, id, null, (version, lastUpdated) -> render(group, version, lastUpdated),
                    SearchIndexValues.NONE, GroupMembers.of(members));
        }
        return new ResourceWrite(typeName, id, compartmentOf(resource, type).orElse(null),
                (version, lastUpdated) -> render(resource, version, lastUpdated), searchValues.extract(resource, type),
                GroupMembers.of(List.of()));
    }

    private Optional<String> compartmentOf(Resource resource, ResourceType type) {
        Optional<String> element = type.compartmentElement();
        if (element.isEmpty()) {
            return Optional.empty();
        }
        if (type == ResourceType.Patient) {
            return Optional.of(resource.getIdElement().getIdPart());
        }
        return fhir.context().newTerser().getValues(resource, element.get(), IBaseReference.class).stream()
                .map(IBaseReference::getReferenceElement)
                .filter(target -> "Patient".equals(target.getResourceType()) && target.getIdPart() != null)
                .map(IIdType::getIdPart)
                .findFirst();
    }

    private String render(Resource resource, long version, Instant lastUpdated) {
        resource.getMeta().setVersionId(Long.toString(version));
        resource.getMeta().setLastUpdated(Date.from(lastUpdated));
        resource.setIdElement(resource.getIdElement().toUnqualifiedVersionless());
        return fhir.compactWriter().encodeResourceToString(resource);
    }
}
