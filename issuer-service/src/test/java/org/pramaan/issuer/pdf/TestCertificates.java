package org.pramaan.issuer.pdf;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pramaan.credential.CertificateBody;
import org.pramaan.credential.CertificateClaims;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.credential.CredentialSigner;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.Language;
import org.pramaan.credential.SignedCredential;
import org.pramaan.credential.cli.SampleCertificate;
import org.pramaan.credential.keys.CertificateAuthority;
import org.pramaan.issuer.pdf.CertificateDocument.Bilingual;
import org.pramaan.issuer.pdf.CertificateDocument.Field;

/**
 * Realistic certificates for the renderer's tests and benchmark: each carries a credential really
 * signed by a department signer under a development root, and its QR text is the credential URL.
 */
public final class TestCertificates {

    public static final String VERIFIER = "https://verify.pramaan.ap.gov.in";
    public static final Instant ISSUED_AT = Instant.parse("2025-03-14T06:30:00Z");
    public static final String HINDI_HOLDER = "श्रीनिवास क्षत्रिय";
    public static final String HINDI_FATHER = "श्री रामकृष्ण द्विवेदी";
    public static final String HINDI_CASTE = "क्षत्रिय";

    /** The approving officer the samples print. */
    public static final CertificateDocument.Signatory OFFICER =
            new CertificateDocument.Signatory("Kondapalli Srinivasa Rao", "Tahsildar, Vijayawada Rural");

    private final CredentialSigner signer;

    public TestCertificates() {
        CertificateAuthority root = CertificateAuthority.createRoot("Pramaan Test Root", ISSUED_AT.minus(Duration.ofDays(1)),
                Duration.ofDays(3650));
        this.signer = new CredentialSigner(root.issueSigner(DepartmentCode.of("REV"), ISSUED_AT.minus(Duration.ofDays(1)),
                Duration.ofDays(1000)));
    }

    /** The sample Telugu income certificate, with labels as the catalog would give them. */
    public CertificateDocument telugu() {
        SignedCredential signed = signer.sign(SampleCertificate.incomeCertificate(ISSUED_AT));
        Map<String, String> fields = signed.claims().body().fields();
        return new CertificateDocument(Language.TE,
                new Bilingual("Revenue Department", "రెవెన్యూ శాఖ"),
                new Bilingual("Income Certificate", "ఆదాయ ధృవీకరణ పత్రం"),
                signed.claims().body().holderName(),
                List.of(new Field(new Bilingual("Father's name", "తండ్రి పేరు"), fields.get("fn")),
                        new Field(new Bilingual("Address", "చిరునామా"), fields.get("ad")),
                        new Field(new Bilingual("Annual income (₹)", "వార్షిక ఆదాయం (₹)"), fields.get("ai")),
                        new Field(new Bilingual("Purpose", "ప్రయోజనం"), fields.get("pu")),
                        new Field(new Bilingual("Mandal", "మండలం"), "విజయవాడ గ్రామీణ (కృష్ణా జిల్లా)")),
                signed.claims().certificateId().toString(), LocalDate.of(2025, 3, 14), LocalDate.of(2026, 3, 14),
                signed.url(VERIFIER), signed.cose().encode(),
                LatinName.of(signed.claims().body().holderName(), Language.TE).orElseThrow(), OFFICER);
    }

    /** A Hindi caste certificate that does not expire. */
    public CertificateDocument hindi() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("fn", HINDI_FATHER);
        fields.put("ca", HINDI_CASTE);
        fields.put("ad", "मकान संख्या 12, स्टेशन रोड, कृष्णा नगर, प्रयागराज, उत्तर प्रदेश 211001");
        SignedCredential signed = sign("CST", HINDI_HOLDER, fields, Language.HI);
        return new CertificateDocument(Language.HI,
                new Bilingual("Revenue Department", "राजस्व विभाग"),
                new Bilingual("Caste Certificate", "जाति प्रमाणपत्र"),
                HINDI_HOLDER,
                List.of(new Field(new Bilingual("Father's name", "पिता का नाम"), HINDI_FATHER),
                        new Field(new Bilingual("Caste", "जाति"), HINDI_CASTE),
                        new Field(new Bilingual("Address", "पता"), fields.get("ad")),
                        new Field(new Bilingual("Purpose", "प्रयोजन"), "छात्रवृत्ति हेतु आवेदन")),
                signed.claims().certificateId().toString(), LocalDate.of(2025, 3, 14), null,
                signed.url(VERIFIER), signed.cose().encode(), LatinName.of(HINDI_HOLDER, Language.HI).orElseThrow(),
                OFFICER);
    }

    /** An English residence certificate: English with Telugu headings, as English applicants get it. */
    public CertificateDocument english() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ad", "Flat 4B, Lake View Apartments, Benz Circle, Vijayawada 520010");
        fields.put("sn", "2009");
        SignedCredential signed = sign("RES", "Anjali Reddy", fields, Language.EN);
        return new CertificateDocument(Language.EN,
                new Bilingual("Revenue Department", "రెవెన్యూ శాఖ"),
                new Bilingual("Residence Certificate", "నివాస ధృవీకరణ పత్రం"),
                "Anjali Reddy",
                List.of(new Field(new Bilingual("Address", "చిరునామా"), fields.get("ad")),
                        new Field(new Bilingual("Resident since", "ఎప్పటి నుండి నివాసం"), fields.get("sn"))),
                signed.claims().certificateId().toString(), LocalDate.of(2025, 3, 14), LocalDate.of(2030, 3, 13),
                signed.url(VERIFIER), signed.cose().encode(), null, OFFICER);
    }

    private SignedCredential sign(String type, String holder, Map<String, String> fields, Language language) {
        DepartmentCode revenue = DepartmentCode.of("REV");
        CertificateId id = CertificateId.generate(revenue, type, Year.from(ISSUED_AT.atZone(ZoneOffset.UTC)));
        return signer.sign(new CertificateClaims(revenue, id, ISSUED_AT, ISSUED_AT.plus(Duration.ofDays(3650)),
                new CertificateBody(type, holder, fields, language)));
    }
}
