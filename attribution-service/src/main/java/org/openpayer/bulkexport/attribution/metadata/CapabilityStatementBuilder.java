package org.openpayer.bulkexport.attribution.metadata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpayer.bulkexport.attribution.config.AttributionConfig;
import org.openpayer.bulkexport.attribution.roster.search.GroupSearchParameter;
import org.openpayer.bulkexport.model.fhir.ResourceType;
import org.openpayer.bulkexport.model.fhir.hrex.HrexVocabulary;
import org.openpayer.bulkexport.model.fhir.hrex.PdexMemberMatchVocabulary;
import org.openpayer.bulkexport.model.fhir.pull.PayerPullVocabulary;
import org.openpayer.bulkexport.model.route.PublicUrls;
import org.openpayer.bulkexport.search.IndexKind;
import org.openpayer.bulkexport.search.IndexedParameter;
import org.openpayer.bulkexport.search.SearchParameterCatalog;

/**
 * The suite's CapabilityStatement, built from the same sources the services act on (stored types, their search
 * parameters, Group search parameters, public URLs), so it states what the suite does today and nothing more. It
 * grows with the suite: system and Patient-level export and other operations are listed once they are served.
 */
@ApplicationScoped
public class CapabilityStatementBuilder {

    static final String BULK_DATA = "http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data";
    static final String GROUP_EXPORT = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export";
    static final String PATIENT_EXPORT = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export";
    static final String SYSTEM_EXPORT = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export";
    private static final String POPULATION = "The population is every active member of the Groups the token grants "
            + "(members who opted out of provider access are left out).";
    /** What every export level shares, as the Bulk Data IG asks servers to document it. */
    static final String EXPORT_PARAMETERS = "_typeFilter: FHIR search queries, ORed per type, using _id, "
            + "_lastUpdated and the type's search parameters listed here; result parameters are refused. "
            + "includeAssociatedData: LatestProvenanceResources and RelevantProvenanceResources (both add the members' "
            + "Provenance). Prefer: handling=lenient ignores unsupported parameters and lists each in the error file. "
            + "Files hold one type each and roll over at a configured size and count (default 100 MB or 50000 "
            + "resources). With _since, resources deleted since are listed in deleted (Bundles of one DELETE each); "
            + "at Group level, members who joined the Group after _since get their whole record.";
    static final String ATR_OPERATION = "http://hl7.org/fhir/us/davinci-atr/OperationDefinition/";
    private static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String[] INTERACTIONS = {
        "read", "vread", "history-instance", "search-type", "create", "update", "delete"};
    private static final String BASE_PARAMETER = "http://hl7.org/fhir/SearchParameter/Resource-";

    /** PDex 2.1 provider-download bookkeeping, as {@code attribution.pdex.download-bookkeeping} has it. */
    static final String DOWNLOAD_BOOKED = " After a #provider-download export completes, each member it sent records "
            + "PDex 2.1's lastTransmitted (the export's transactionTime, or _until if earlier), lastResources (_type "
            + "as given) and lastFilters (_typeFilter as given) on Group.member, in a new Group version.";
    static final String DOWNLOAD_NOT_BOOKED = " Provider-download exports are not recorded on Group.member (PDex "
            + "2.2: the payer keeps its own audit trail).";

    private final PublicUrls urls;
    private final SearchParameterCatalog catalog;
    private final boolean downloadBookkeeping;
    private final String json;

    public CapabilityStatementBuilder(PublicUrls urls, SearchParameterCatalog catalog, AttributionConfig config) {
        this.urls = urls;
        this.catalog = catalog;
        this.downloadBookkeeping = config.pdex().downloadBookkeeping();
        this.json = build().toString();
    }

    /** The statement as JSON; it depends on configuration only, so it is built once. */
    public String json() {
        return json;
    }

    private ObjectNode build() {
        ObjectNode statement = JSON.createObjectNode();
        statement.put("resourceType", "CapabilityStatement");
        statement.put("status", "active");
        statement.put("date", "2026-11-21");
        statement.put("publisher", "Payer FHIR Bulk Data suite");
        statement.put("kind", "instance");
        statement.putArray("instantiates").add(BULK_DATA);
        statement.putObject("software").put("name", "Payer FHIR Bulk Data suite");
        statement.putObject("implementation").put("description", "Payer Provider Access and attribution lists")
                .put("url", urls.fhirBase());
        statement.put("fhirVersion", "4.0.1");
        statement.putArray("format").add("json").add("application/fhir+json");
        ObjectNode rest = statement.putArray("rest").addObject();
        rest.put("mode", "server");
        rest.set("security", security());
        ArrayNode resources = rest.putArray("resource");
        for (ResourceType type : ResourceType.values()) {
            ObjectNode resource = type == ResourceType.Group ? group() : searchable(type);
            if (type == ResourceType.Patient) {
                ArrayNode operations = resource.putArray("operation");
                operations.addObject().put("name", "export").put("definition", PATIENT_EXPORT)
                        .put("documentation", "Bulk Data export of every patient the client may read. " + POPULATION
                                + " " + EXPORT_PARAMETERS);
                operations.addObject().put("name", "member-match").put("definition", HrexVocabulary.MEMBER_MATCH)
                        .put("documentation", PayerToPayerTexts.MEMBER_MATCH);
                operations.addObject().put("name", PayerPullVocabulary.OPERATION)
                        .put("definition", PayerPullVocabulary.OPERATION_DEFINITION)
                        .put("documentation", PayerToPayerTexts.PAYER_PULL);
            }
            resources.add(resource);
        }
        ObjectNode task = resources.addObject().put("type", "Task").put("documentation", PayerToPayerTexts.TASK);
        task.putArray("interaction").addObject().put("code", "read");
        rest.putArray("operation").addObject().put("name", "export").put("definition", SYSTEM_EXPORT)
                .put("documentation", "Bulk Data system-level export: the members' data and the provider directory "
                        + "(Organization, Practitioner, PractitionerRole, Location, Medication). " + POPULATION + " "
                        + EXPORT_PARAMETERS);
        return statement;
    }

    private static void operation(ArrayNode operations, String name, String documentation) {
        operations.addObject().put("name", name).put("definition", ATR_OPERATION + name)
                .put("documentation", documentation);
    }

    private ObjectNode security() {
        ObjectNode security = JSON.createObjectNode();
        ObjectNode oauth = security.putArray("extension").addObject().put("url", OAUTH_URIS);
        oauth.putArray("extension").addObject().put("url", "token").put("valueUri", urls.tokenUrl());
        security.putArray("service").addObject().putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/restful-security-service")
                .put("code", "SMART-on-FHIR");
        security.put("description", "SMART Backend Services (client_credentials with private_key_jwt); see "
                + urls.fhirBase() + "/.well-known/smart-configuration. Member data is visible only for members of "
                + "the client's attribution Groups.");
        return security;
    }

    private static ObjectNode withInteractions(String type) {
        ObjectNode resource = JSON.createObjectNode();
        resource.put("type", type);
        ArrayNode interactions = resource.putArray("interaction");
        for (String code : INTERACTIONS) {
            interactions.addObject().put("code", code);
        }
        resource.put("versioning", "versioned");
        resource.put("readHistory", true);
        resource.put("updateCreate", true);
        resource.put("conditionalCreate", true);
        resource.put("conditionalUpdate", false);
        resource.put("conditionalDelete", "not-supported");
        return resource;
    }

    private ObjectNode searchable(ResourceType type) {
        ObjectNode resource = withInteractions(type.name());
        ArrayNode parameters = resource.putArray("searchParam");
        parameters.addObject().put("name", "_id").put("definition", BASE_PARAMETER + "id").put("type", "token");
        parameters.addObject().put("name", "_lastUpdated").put("definition", BASE_PARAMETER + "lastUpdated")
                .put("type", "date");
        for (IndexedParameter parameter : catalog.parameters(type).values()) {
            ObjectNode entry = parameters.addObject().put("name", parameter.name())
                    .put("definition", parameter.definition()).put("type", parameter.kind().fhirType());
            if (parameter.kind() == IndexKind.PATIENT) {
                entry.put("documentation", "The Patient whose compartment the resource is in; other subjects are "
                        + "not searchable.");
            }
        }
        return resource;
    }

    private ObjectNode group() {
        ObjectNode group = withInteractions(ResourceType.Group.name());
        ArrayNode parameters = group.putArray("searchParam");
        for (GroupSearchParameter parameter : GroupSearchParameter.values()) {
            parameters.addObject()
                    .put("name", parameter.code())
                    .put("definition", parameter.definition(urls.fhirBase()))
                    .put("type", parameter.type())
                    .put("documentation", parameter.documentation());
        }
        parameters.addObject().put("name", "_summary").put("type", "token")
                .put("documentation", "true (members left out, tagged SUBSETTED), false, data; count on search.");
        ArrayNode operations = group.putArray("operation");
        operations.addObject()
                .put("name", "export")
                .put("definition", GROUP_EXPORT)
                .put("documentation", "Bulk Data export of the Group's members' data (asynchronous, GET or POST "
                        + "with Parameters; _outputFormat, _since, _type, _elements, v3's _until, and patient in a "
                        + "POST). " + EXPORT_PARAMETERS + " Members who opted out of provider access are left out. "
                        + "Empty types produce no output file.");
        operation(operations, "davinci-data-export", "Da Vinci export of the Group (asynchronous, GET or POST; "
                + "Bulk Data's parameters plus exportType). exportType hl7.fhir.us.davinci-atr: the Group itself "
                + "(the version current at transactionTime, members with changeType), Patient and Coverage by "
                + "default; RelatedPerson and the Practitioner, PractitionerRole, Organization and Location the "
                + "members are attributed to on request. hl7.fhir.us.davinci-pdex#provider-delta (needs _since), "
                + "#provider-download, #provider-snapshot and #payertopayer, or exportType=hl7.fhir.us.davinci-pdex "
                + "with exportMode: all member data and attributed directory resources by default. Referenced "
                + "directory resources are included whatever their date. patient names a subset; names that are not "
                + "current members are left out and listed in the error file. Opt-outs are re-checked when the job "
                + "runs. Types with no data produce no file (as Bulk Data; the manifest lists every file written)."
                + (downloadBookkeeping ? DOWNLOAD_BOOKED : DOWNLOAD_NOT_BOOKED) + PayerToPayerTexts.PAYER_TO_PAYER
                + " " + EXPORT_PARAMETERS);
        operation(operations, "member-add", "Adds a member attributed to a provider (memberId+providerNpi or "
                + "patientReference+providerReference, optional attributionPeriod); draft and open lists only. "
                + "201 with the new version, 200 when the member already is as asked.");
        operation(operations, "member-remove", "Marks the member's entries inactive with changeType dropped "
                + "(kept in both draft and open lists until the next full update of the list); final lists refuse.");
        operation(operations, "confirm-attribution-list", "Makes the list final at once; 201.");
        operation(operations, "attribution-status", "One member's attribution: a collection Bundle of the Group "
                + "(that member's entries only), the Patient, Coverage and attributed providers.");
        operations.addObject().put("name", "bulk-member-match")
                .put("definition", PdexMemberMatchVocabulary.BULK_MEMBER_MATCH)
                .put("documentation", PayerToPayerTexts.BULK_MEMBER_MATCH);
        return group;
    }
}
