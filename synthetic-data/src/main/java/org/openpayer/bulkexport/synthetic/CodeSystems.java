package org.openpayer.bulkexport.synthetic;

/** The code and identifier systems the dataset uses, each spelled once. */
final class CodeSystems {

    static final String NPI = "http://hl7.org/fhir/sid/us-npi";
    static final String TIN = "urn:oid:2.16.840.1.113883.4.4";
    static final String SNOMED = "http://snomed.info/sct";
    static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String CPT = "http://www.ama-assn.org/go/cpt";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String CVX = "http://hl7.org/fhir/sid/cvx";
    static final String NUCC = "http://nucc.org/provider-taxonomy";
    static final String SOURCE_OF_PAYMENT = "https://nahdo.org/sopt";
    static final String PLACE_OF_SERVICE =
            "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";

    static final String TERMINOLOGY = "http://terminology.hl7.org/CodeSystem/";
    static final String IDENTIFIER_TYPE = TERMINOLOGY + "v2-0203";
    static final String ACT_CODE = TERMINOLOGY + "v3-ActCode";
    static final String CLAIM_TYPE = TERMINOLOGY + "claim-type";
    static final String ADJUDICATION = TERMINOLOGY + "adjudication";
    static final String CARIN_IDENTIFIER_TYPE = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType";

    static final String ATR = "http://hl7.org/fhir/us/davinci-atr/";
    static final String ATR_EXTENSION = ATR + "StructureDefinition/";
    static final String ATR_CODES = ATR + "CodeSystem/";

    /** The synthetic payer's own identifier systems, on a reserved example domain so they never meet real ones. */
    static final String PAYER_SID = "http://synthetic-health.example.org/fhir/sid/";
    static final String MEMBER_ID = PAYER_SID + "member-id";
    static final String CLAIM_ID = PAYER_SID + "claim-id";
    static final String PROVIDER_CONTRACT = PAYER_SID + "provider-contract";

    static final Code MEMBER_NUMBER = new Code(IDENTIFIER_TYPE, "MB", "Member Number");
    static final Code NPI_TYPE = new Code(IDENTIFIER_TYPE, "NPI", "National provider identifier");
    static final Code TAX_ID_TYPE = new Code(IDENTIFIER_TYPE, "TAX", "Tax ID number");
    static final Code UNIQUE_CLAIM_ID = new Code(CARIN_IDENTIFIER_TYPE, "uc", "Unique Claim ID");

    private CodeSystems() {
    }
}
