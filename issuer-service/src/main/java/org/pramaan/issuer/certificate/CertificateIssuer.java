package org.pramaan.issuer.certificate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pramaan.credential.CertificateBody;
import org.pramaan.credential.CertificateClaims;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.credential.CredentialSigner;
import org.pramaan.credential.Language;
import org.pramaan.credential.SignedCredential;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.catalog.Catalog;
import org.pramaan.catalog.CertificateForm;
import org.pramaan.catalog.Department;
import org.pramaan.catalog.FieldType;
import org.pramaan.catalog.FormField;
import org.pramaan.catalog.Localized;
import org.pramaan.issuer.pdf.CertificateDocument;
import org.pramaan.issuer.pdf.CertificateDocument.Bilingual;
import org.pramaan.issuer.pdf.LatinName;
import org.pramaan.issuer.pdf.CertificateDocument.Signatory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues a certificate: builds the claims, signs them with the department's key and stores the certificate with an
 * anchoring outbox row and a rendering outbox row in the caller's transaction, so that a stored certificate is always
 * queued for the ledger and for its PDF, and a queued one always stored. The PDF is rendered and sealed afterwards
 * ({@link #render}).
 */
@Service
public class CertificateIssuer {

    /** Certificate dates are the state's dates. */
    public static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    /** The credential format needs an expiry; "never expires" is written as a century. */
    static final Duration NEVER_EXPIRES = Duration.ofDays(36500);
    /**
     * A form field, when a service's form declares it, with the citizen's own spelling of their name in English
     * letters: printed beside the name instead of the transliteration.
     */
    public static final String ENGLISH_NAME = "ne";

    private final Catalog catalog;
    private final SignerChoice keys;
    private final CertificateRenderer renderer;
    private final Certificates certificates;
    private final Clock clock;
    private final String verifierBaseUrl;
    private final CertificateSeal seal;

    /** Without a PDF signature: what issuance was before PAdES, kept as the benchmark's baseline and for tests. */
    public CertificateIssuer(Catalog catalog, SignerChoice keys, CertificateRenderer renderer, Certificates certificates,
                             Clock clock, IssuerProperties properties) {
        this(catalog, keys, renderer, certificates, clock, properties, CertificateSeal.NONE);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public CertificateIssuer(Catalog catalog, SignerChoice keys, CertificateRenderer renderer, Certificates certificates,
                             Clock clock, IssuerProperties properties, CertificateSeal seal) {
        this.seal = seal;
        this.catalog = catalog;
        this.keys = keys;
        this.renderer = renderer;
        this.certificates = certificates;
        this.clock = clock;
        this.verifierBaseUrl = properties.verifierBaseUrl();
    }

    /**
     * Approves: signs the credential and stores the certificate with its anchoring row and its rendering row, in the
     * caller's transaction; the PDF is made afterwards by the rendering worker ({@code rendering.RenderingWorker},
     * {@link #render}), sealed with the key that signed the credential.
     */
    @Transactional
    public Certificate issue(IssueCommand command) {
        Signed signed = sign(command);
        certificates.insertAndEnqueueRendering(signed.certificate(), signed.cose(), command.signatory(),
                signed.holderLatin(), clock.instant(), org.pramaan.service.correlation.Correlation.current().orElse(null));
        return signed.certificate();
    }

    /**
     * Issues as before approving-before-the-PDF: signs, renders, seals and stores the PDF in the caller's
     * transaction. Kept for the benchmark's baseline (what an approval cost with its PDF).
     */
    @Transactional
    public Certificate issueWithPdf(IssueCommand command) {
        Prepared prepared = prepare(command);
        certificates.insertAndEnqueue(prepared.certificate(), prepared.cose(), prepared.pdf(), clock.instant(),
                org.pramaan.service.correlation.Correlation.current().orElse(null));
        return prepared.certificate();
    }

    /** Everything but the storing: claims, signature, PDF. Public for the benchmark. */
    public Prepared prepare(IssueCommand command) {
        Signed signed = sign(command);
        Certificate c = signed.certificate();
        Department department = catalog.requireDepartment(command.service().department());
        // The same key signs the PDF (PAdES) as signed the credential: one key for the ledger to list and revoke.
        byte[] pdf = renderer.render(document(c, command.service().certificate(), department, signed.cose(),
                signed.holderLatin(), command.signatory()), seal.signature(signed.key(), department, c.issuedAt()));
        return new Prepared(c, signed.cose(), pdf);
    }

    /** Claims and the credential's signature: what an approval costs now. */
    private Signed sign(IssueCommand command) {
        CertificateForm form = command.service().certificate();
        Department department = catalog.requireDepartment(command.service().department());
        // Before anything is made: with no key the ledger lists as usable now, nothing is signed.
        org.pramaan.credential.keys.SignerKey key = keys.signer(department.code());
        Instant now = clock.instant();
        Instant expires = form.validityDays() == null ? now.plus(NEVER_EXPIRES)
                : now.plus(Duration.ofDays(form.validityDays()));
        CertificateId id = CertificateId.generate(department.code(), form.type(), Year.now(clock.withZone(INDIA)));
        Map<String, String> printed = new LinkedHashMap<>();
        for (FormField field : form.fields()) {
            String value = command.fields().get(field.key());
            if (field.onCertificate() && field.type() != FieldType.AADHAAR && value != null
                    && !field.key().equals(CertificateForm.HOLDER_NAME)) {
                printed.put(field.key(), value);
            }
        }
        CertificateClaims claims = new CertificateClaims(department.code(), id, now, expires,
                new CertificateBody(form.type(), command.holderName(), printed, command.language()));
        SignedCredential signed = new CredentialSigner(key).sign(claims);
        String qrText = signed.url(verifierBaseUrl);
        byte[] cose = signed.cose().encode();
        Certificate certificate = Certificate.issued(org.pramaan.contract.id.CertificateId.of(id.toString()),
                command.applicationId(), department.code(), command.service().code(), form.type(),
                command.holderName(), command.language(), command.phone().digits(), printed, claims.issuedAt(),
                claims.expiresAt(), signed.claimsHashHex(), signed.kid().hex(), qrText);
        String ownSpelling = command.fields().get(ENGLISH_NAME);
        String holderLatin = form.field(ENGLISH_NAME).isPresent() && ownSpelling != null && !ownSpelling.isBlank()
                ? ownSpelling.strip() : LatinName.of(command.holderName(), command.language()).orElse(null);
        return new Signed(certificate, cose, key, holderLatin);
    }

    /**
     * The signed PDF/A of a stored certificate: rendered from its row and sealed by the key that signed its
     * credential (its kid), which must still be usable.
     *
     * @throws SigningKeyUnavailableException that key can no longer sign (revoked or expired since, no longer held)
     * @throws IllegalStateException          its service or department is no longer in the catalog
     */
    public byte[] render(Certificate c, byte[] cose, Signatory signatory, String holderLatin) {
        Department department = catalog.requireDepartment(c.department());
        CertificateForm form = catalog.service(c.serviceCode()).map(s -> s.certificate())
                .orElseThrow(() -> new IllegalStateException("certificate " + c.id() + " is of service "
                        + c.serviceCode() + ", no longer in the catalog"));
        org.pramaan.credential.keys.SignerKey key = keys.signer(department.code(),
                org.pramaan.contract.id.KeyId.parse(c.kid()));
        return renderer.render(document(c, form, department, cose, holderLatin, signatory),
                seal.signature(key, department, clock.instant()));
    }

    private CertificateDocument document(Certificate c, CertificateForm form, Department department, byte[] cose,
                                         String holderLatin, Signatory signatory) {
        Language language = c.language();
        // English applicants' certificates carry Telugu headings too: every certificate is bilingual.
        Language headings = language == Language.EN ? Language.TE : language;
        List<CertificateDocument.Field> fields = new ArrayList<>();
        // In the form's order (a stored row's fields are jsonb, whose keys come back in another order).
        for (FormField field : form.fields()) {
            String value = c.fields().get(field.key());
            if (value != null && !field.key().equals(ENGLISH_NAME)) {
                fields.add(new CertificateDocument.Field(bilingual(field.labels(), headings),
                        PrintedValues.shown(field, value, language)));
            }
        }
        LocalDate validUntil = form.validityDays() == null ? null : LocalDate.ofInstant(c.expiresAt(), INDIA);
        return new CertificateDocument(language, bilingual(department.names(), headings),
                bilingual(form.titles(), headings), c.holderName(), fields, c.id().value(),
                LocalDate.ofInstant(c.issuedAt(), INDIA), validUntil, c.qrText(), cose, holderLatin, signatory);
    }

    private static Bilingual bilingual(Localized text, Language language) {
        return new Bilingual(text.en(), text.in(language));
    }

    /** A signed certificate, not rendered: the key that signed it and the holder's name as printed in English letters. */
    private record Signed(Certificate certificate, byte[] cose, org.pramaan.credential.keys.SignerKey key,
                          String holderLatin) {
    }

    /** A signed, rendered certificate not yet stored. */
    public record Prepared(Certificate certificate, byte[] cose, byte[] pdf) {
    }
}
