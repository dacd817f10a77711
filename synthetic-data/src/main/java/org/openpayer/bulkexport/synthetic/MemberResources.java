package org.openpayer.bulkexport.synthetic;

import static org.openpayer.bulkexport.synthetic.SyntheticIds.reference;

import java.io.IOException;

/** A member's enrollment resources: the Patient (US Core shaped, member id MB) and the Coverage (ATR shaped). */
final class MemberResources {

    private static final Code SELF =
            new Code(CodeSystems.TERMINOLOGY + "subscriber-relationship", "self", "Self");
    private static final String COVERAGE_CLASS = CodeSystems.TERMINOLOGY + "coverage-class";
    private static final Code GROUP_CLASS = new Code(COVERAGE_CLASS, "group", "Group");
    private static final Code PLAN_CLASS = new Code(COVERAGE_CLASS, "plan", "Plan");

    String patient(MemberContext member) throws IOException {
        MemberContext.Person person = member.person();
        FhirJsonWriter json = FhirJsonWriter.toText();
        json.beginResource("Patient", member.patientId());
        json.beginArray("identifier");
        json.identifier(CodeSystems.MEMBER_NUMBER, CodeSystems.MEMBER_ID, member.enrollment().memberId());
        json.endArray();
        json.bool("active", true);
        json.beginArray("name");
        json.beginObject();
        json.string("use", "official");
        json.string("family", person.familyName());
        json.stringArray("given", person.givenName());
        json.endObject();
        json.endArray();
        json.phoneArray(person.phone(), "home");
        json.string("gender", person.female() ? "female" : "male");
        json.string("birthDate", person.birthDate().toString());
        json.addressArray("home", person.address());
        json.referenceArray("generalPractitioner",
                reference("Practitioner", SyntheticIds.practitioner(member.attribution().practitioner())));
        json.endObject();
        return json.finish();
    }

    /** The member is their own subscriber: one coverage per member keeps the attribution lists one row each. */
    String coverage(MemberContext member) throws IOException {
        MemberContext.Enrollment enrollment = member.enrollment();
        FhirJsonWriter json = FhirJsonWriter.toText();
        json.beginResource("Coverage", SyntheticIds.coverage(member.member()));
        json.beginArray("identifier");
        json.identifier(CodeSystems.MEMBER_NUMBER, CodeSystems.MEMBER_ID, enrollment.memberId());
        json.endArray();
        json.string("status", "active");
        json.codeableConcept("type", enrollment.plan().type());
        json.reference("subscriber", member.patientReference());
        json.string("subscriberId", enrollment.memberId());
        json.reference("beneficiary", member.patientReference());
        json.codeableConcept("relationship", SELF);
        json.period("period", enrollment.coverageStart().toString(), enrollment.coverageEnd().toString());
        json.referenceArray("payor", reference("Organization", SyntheticIds.PAYER_ORGANIZATION));
        json.beginArray("class");
        coverageClass(json, GROUP_CLASS, enrollment.employerGroup(), null);
        coverageClass(json, PLAN_CLASS, enrollment.plan().planId(), enrollment.plan().name());
        json.endArray();
        json.endObject();
        return json.finish();
    }

    private static void coverageClass(FhirJsonWriter json, Code type, String value, String name) throws IOException {
        json.beginObject();
        json.codeableConcept("type", type);
        json.string("value", value);
        if (name != null) {
            json.string("name", name);
        }
        json.endObject();
    }
}
