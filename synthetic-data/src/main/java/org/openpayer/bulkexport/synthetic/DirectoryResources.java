package org.openpayer.bulkexport.synthetic;

import static org.openpayer.bulkexport.synthetic.SyntheticIds.reference;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * The provider directory and the payer: Organization (payer and providers, with NPI and TIN), Location,
 * Practitioner (NPI) and PractitionerRole (NUCC taxonomy). Each resource is derived from its number and the seed
 * alone; the directory is the only part of the dataset that every member refers to, and it is small.
 */
final class DirectoryResources {

    static final String PAYER_NAME = "Synthetic Health Plan";

    private static final String ORGANIZATION_TYPE = CodeSystems.TERMINOLOGY + "organization-type";
    private static final Code PAYER_TYPE = new Code(ORGANIZATION_TYPE, "pay", "Payer");
    private static final Code PROVIDER_TYPE = new Code(ORGANIZATION_TYPE, "prov", "Healthcare Provider");
    private static final Code OUTPATIENT_FACILITY =
            new Code(CodeSystems.TERMINOLOGY + "v3-RoleCode", "OF", "Outpatient Facility");
    private static final Demographics.Address PAYER_ADDRESS =
            new Demographics.Address("100 Federal St", new Demographics.City("Boston", "MA", "02110", "617"));

    private final long seed;
    private final ProviderDirectory directory;

    DirectoryResources(long seed, ProviderDirectory directory) {
        this.seed = seed;
        this.directory = directory;
    }

    String payer() throws IOException {
        FhirJsonWriter json = FhirJsonWriter.toText();
        json.beginResource("Organization", SyntheticIds.PAYER_ORGANIZATION);
        json.beginArray("identifier");
        json.identifier(CodeSystems.TAX_ID_TYPE, CodeSystems.TIN, ProviderDirectory.payerTin());
        json.endArray();
        json.bool("active", true);
        json.codeableConceptArray("type", PAYER_TYPE);
        json.string("name", PAYER_NAME);
        json.phoneArray("617-555-0100", "work");
        json.addressArray("work", PAYER_ADDRESS);
        json.endObject();
        return json.finish();
    }

    String organization(int organization) throws IOException {
        SplittableRandom random = SeedStream.ORGANIZATION.random(seed, organization);
        Demographics.Address address = Demographics.address(random);
        FhirJsonWriter json = FhirJsonWriter.toText();
        json.beginResource("Organization", SyntheticIds.organization(organization));
        json.beginArray("identifier");
        json.identifier(CodeSystems.NPI_TYPE, CodeSystems.NPI, ProviderDirectory.organizationNpi(organization));
        json.identifier(CodeSystems.TAX_ID_TYPE, CodeSystems.TIN, ProviderDirectory.organizationTin(organization));
        json.endArray();
        json.bool("active", true);
        json.codeableConceptArray("type", PROVIDER_TYPE);
        json.string("name", ProviderDirectory.organizationName(organization));
        json.phoneArray(Demographics.phone(random, address), "work");
        json.addressArray("work", address);
        json.endObject();
        return json.finish();
    }

    /** The organization's clinic, at the organization's address. */
    String location(int organization) throws IOException {
        SplittableRandom random = SeedStream.ORGANIZATION.random(seed, organization);
        Demographics.Address address = Demographics.address(random);
        FhirJsonWriter json = FhirJsonWriter.toText();
        json.beginResource("Location", SyntheticIds.location(organization));
        json.string("status", "active");
        json.string("name", ProviderDirectory.organizationName(organization) + " Clinic");
        json.codeableConceptArray("type", OUTPATIENT_FACILITY);
        json.phoneArray(Demographics.phone(random, address), "work");
        json.addressArray("work", address);
        json.reference("managingOrganization", reference("Organization", SyntheticIds.organization(organization)));
        json.endObject();
        return json.finish();
    }

    String practitioner(int practitioner) throws IOException {
        SplittableRandom random = SeedStream.PRACTITIONER.random(seed, practitioner);
        CodeTables.Specialty specialty = CodeTables.SPECIALTIES.pick(random);
        boolean female = random.nextBoolean();
        FhirJsonWriter json = FhirJsonWriter.toText();
        json.beginResource("Practitioner", SyntheticIds.practitioner(practitioner));
        json.beginArray("identifier");
        json.identifier(CodeSystems.NPI_TYPE, CodeSystems.NPI, ProviderDirectory.practitionerNpi(practitioner));
        json.endArray();
        json.bool("active", true);
        json.beginArray("name");
        json.beginObject();
        json.string("use", "official");
        json.string("family", Demographics.familyName(random));
        json.stringArray("given", Demographics.givenName(random, female));
        json.stringArray("suffix", specialty.credential());
        json.endObject();
        json.endArray();
        json.string("gender", female ? "female" : "male");
        json.endObject();
        return json.finish();
    }

    /** Where the practitioner works and as what: the same specialty the Practitioner's random stream drew. */
    String practitionerRole(int practitioner) throws IOException {
        CodeTables.Specialty specialty =
                CodeTables.SPECIALTIES.pick(SeedStream.PRACTITIONER.random(seed, practitioner));
        int organization = directory.organizationOfPractitioner(practitioner);
        FhirJsonWriter json = FhirJsonWriter.toText();
        json.beginResource("PractitionerRole", SyntheticIds.practitionerRole(practitioner));
        json.bool("active", true);
        json.reference("practitioner", reference("Practitioner", SyntheticIds.practitioner(practitioner)));
        json.reference("organization", reference("Organization", SyntheticIds.organization(organization)));
        json.codeableConceptArray("code", specialty.role());
        json.codeableConceptArray("specialty", specialty.taxonomy());
        json.referenceArray("location", reference("Location", SyntheticIds.location(organization)));
        json.endObject();
        return json.finish();
    }
}
