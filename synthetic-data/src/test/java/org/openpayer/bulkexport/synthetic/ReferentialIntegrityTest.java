package org.openpayer.bulkexport.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.util.FhirTerser;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every reference resolves inside the dataset, and the attribution Groups partition the members. */
class ReferentialIntegrityTest {

    private static final String ATR = "http://hl7.org/fhir/us/davinci-atr/StructureDefinition/";
    private static final int MEMBERS = 60;

    private static final Map<String, Resource> RESOURCES = new HashMap<>();
    private static final List<Group> GROUPS = new ArrayList<>();

    @BeforeAll
    static void generate() {
        IParser parser = FhirContext.forR4Cached().newJsonParser();
        DatasetSpec spec = CollectingSink.small(MEMBERS).toBuilder().groups(4).build();
        for (CollectingSink.Line line : CollectingSink.generate(spec)) {
            Resource resource = (Resource) parser.parseResource(line.json());
            RESOURCES.put(line.resourceType() + "/" + line.id(), resource);
            if (resource instanceof Group group) {
                GROUPS.add(group);
            }
        }
    }

    @Test
    void everyReference_resolvesToAGeneratedResource() {
        // given
        FhirTerser terser = FhirContext.forR4Cached().newTerser();
        Set<String> referenced = new HashSet<>();

        // when
        for (Resource resource : RESOURCES.values()) {
            for (Reference reference : terser.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
                referenced.add(reference.getReference());
            }
        }

        // then
        assertThat(referenced).isNotEmpty().allSatisfy(reference -> assertThat(RESOURCES).containsKey(reference));
        assertThat(referenced).anyMatch(reference -> reference.startsWith("Patient/"))
                .anyMatch(reference -> reference.startsWith("Organization/"))
                .anyMatch(reference -> reference.startsWith("Practitioner/"))
                .anyMatch(reference -> reference.startsWith("Coverage/"))
                .anyMatch(reference -> reference.startsWith("Encounter/"))
                .anyMatch(reference -> reference.startsWith("Location/"));
    }

    @Test
    void groups_partitionTheMembers_eachPatientInExactlyOneGroup() {
        // given
        Set<String> patients = keysOfType("Patient");
        List<String> members = new ArrayList<>();

        // when
        for (Group group : GROUPS) {
            assertThat(group.getMember()).hasSize(group.getQuantity());
            group.getMember().forEach(member -> members.add(member.getEntity().getReference()));
        }

        // then
        assertThat(GROUPS).hasSize(4);
        assertThat(members).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(patients);
    }

    @Test
    void groupMembers_coverageAndProvider_agreeWithTheMembersOwnResources() {
        for (Group group : GROUPS) {
            String attributedOrganization = group.getCharacteristicFirstRep().getValueReference().getReference();
            assertThat(group.getManagingEntity().getReference()).isEqualTo("Organization/syn-org-payer");
            for (Group.GroupMemberComponent member : group.getMember()) {
                String patient = member.getEntity().getReference();
                Coverage coverage = (Coverage) RESOURCES.get(reference(member, "ext-coverageReference"));
                assertThat(coverage.getBeneficiary().getReference()).isEqualTo(patient);
                String practitioner = reference(member, "ext-attributedProvider");
                assertThat(((Patient) RESOURCES.get(patient)).getGeneralPractitionerFirstRep().getReference())
                        .isEqualTo(practitioner);
                String role = practitioner.replace("Practitioner/syn-prac-", "PractitionerRole/syn-role-");
                assertThat(((PractitionerRole) RESOURCES.get(role)).getOrganization().getReference())
                        .isEqualTo(attributedOrganization);
            }
        }
    }

    @Test
    void groups_carryTheAttributedOrganizationsNpiAndTin() {
        for (Group group : GROUPS) {
            String organizationKey = group.getCharacteristicFirstRep().getValueReference().getReference();
            Organization organization = (Organization) RESOURCES.get(organizationKey);
            assertThat(group.getIdentifier()).extracting(identifier -> identifier.getSystem() + "|"
                            + identifier.getValue())
                    .containsAll(organization.getIdentifier().stream()
                            .map(identifier -> identifier.getSystem() + "|" + identifier.getValue()).toList());
            assertThat(group.getIdentifier()).extracting(identifier -> identifier.getSystem())
                    .contains("http://hl7.org/fhir/sid/us-npi", "urn:oid:2.16.840.1.113883.4.4");
        }
    }

    private static String reference(Group.GroupMemberComponent member, String extension) {
        Extension found = member.getExtensionByUrl(ATR + extension);
        assertThat(found).as(extension).isNotNull();
        return ((Reference) found.getValue()).getReference();
    }

    private static Set<String> keysOfType(String resourceType) {
        Set<String> keys = new HashSet<>();
        RESOURCES.keySet().stream().filter(key -> key.startsWith(resourceType + "/")).forEach(keys::add);
        return keys;
    }
}
