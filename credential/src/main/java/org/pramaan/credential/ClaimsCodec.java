package org.pramaan.credential;

import static org.pramaan.credential.MalformedCredentialException.Reason.INVALID_CLAIM;
import static org.pramaan.credential.MalformedCredentialException.Reason.MISSING_CLAIM;

import com.upokecenter.cbor.CBOREncodeOptions;
import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;

/**
 * Encodes {@link CertificateClaims} as a CWT claims set and back. Registered claims use their
 * RFC 8392 integer keys; the certificate body sits under one private-use claim key (RFC 8392 section
 * 9.1 reserves integers below -65536 for private use) with one-letter text keys to keep the QR small.
 * {@code cti} is the id's {@linkplain CertificateId#compact() compact form}: its department is
 * {@code iss} and its type the body's {@code t}. Every byte counts: a Telugu income certificate
 * must stay at QR version 15, and Telugu costs three bytes a letter in UTF-8.
 */
public final class ClaimsCodec {

    static final int ISS = 1;
    static final int EXP = 4;
    static final int IAT = 6;
    static final int CTI = 7;
    /** Private-use claim holding the certificate body. */
    public static final int CERTIFICATE = -65537;

    private static final String TYPE = "t";
    private static final String HOLDER = "n";
    private static final String FIELDS = "f";
    private static final String LANGUAGE = "l";

    private ClaimsCodec() {
    }

    /** Deterministic (CTAP2 canonical) CBOR: the same claims always give the same bytes and hash. */
    public static byte[] encode(CertificateClaims claims) {
        CBORObject body = CBORObject.NewMap()
                .Add(TYPE, claims.body().type())
                .Add(HOLDER, claims.body().holderName())
                .Add(LANGUAGE, claims.body().language().code());
        CBORObject fields = CBORObject.NewMap();
        claims.body().fields().forEach(fields::Add);
        body.Add(FIELDS, fields);
        CBORObject cwt = CBORObject.NewMap()
                .Add(ISS, claims.issuer().value())
                .Add(EXP, claims.expiresAt().getEpochSecond())
                .Add(IAT, claims.issuedAt().getEpochSecond())
                .Add(CTI, claims.certificateId().compact())
                .Add(CERTIFICATE, body);
        return cwt.EncodeToBytes(CBOREncodeOptions.DefaultCtap2Canonical);
    }

    static CertificateClaims decode(byte[] payload) throws MalformedCredentialException {
        CBORObject cwt = Cbor.decode(payload, INVALID_CLAIM, "claims");
        if (cwt.getType() != CBORType.Map) {
            throw new MalformedCredentialException(INVALID_CLAIM, "the claims are not a CBOR map");
        }
        try {
            DepartmentCode issuer = new DepartmentCode(text(cwt, ISS, "iss"));
            Instant expires = Instant.ofEpochSecond(integer(cwt, EXP, "exp"));
            Instant issued = Instant.ofEpochSecond(integer(cwt, IAT, "iat"));
            CBORObject body = required(cwt, CERTIFICATE, "certificate");
            if (body.getType() != CBORType.Map) {
                throw new MalformedCredentialException(INVALID_CLAIM, "claim 'certificate' is not a map");
            }
            CBORObject fieldsObject = required(body, FIELDS, "certificate fields");
            if (fieldsObject.getType() != CBORType.Map) {
                throw new MalformedCredentialException(INVALID_CLAIM, "claim 'certificate fields' is not a map");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (CBORObject key : fieldsObject.getKeys()) {
                if (key.getType() != CBORType.TextString || fieldsObject.get(key).getType() != CBORType.TextString) {
                    throw new MalformedCredentialException(INVALID_CLAIM, "certificate fields must be text to text");
                }
                fields.put(key.AsString(), fieldsObject.get(key).AsString());
            }
            String type = text(body, TYPE, "certificate type");
            CertificateId id = CertificateId.fromCompact(issuer, type, bytes(cwt, CTI, "cti"));
            CertificateBody certificate = new CertificateBody(
                    type, text(body, HOLDER, "holder name"), fields,
                    Language.ofCode(text(body, LANGUAGE, "language")));
            return new CertificateClaims(issuer, id, issued, expires, certificate);
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw new MalformedCredentialException(INVALID_CLAIM, "invalid claim: " + e.getMessage());
        }
    }

    private static CBORObject required(CBORObject map, Object key, String name) throws MalformedCredentialException {
        CBORObject value = map.get(CBORObject.FromObject(key));
        if (value == null) {
            throw new MalformedCredentialException(MISSING_CLAIM, "missing claim '" + name + "'");
        }
        return value;
    }

    private static String text(CBORObject map, Object key, String name) throws MalformedCredentialException {
        CBORObject value = required(map, key, name);
        if (value.getType() != CBORType.TextString) {
            throw new MalformedCredentialException(INVALID_CLAIM, "claim '" + name + "' is not text");
        }
        return value.AsString();
    }

    private static long integer(CBORObject map, Object key, String name) throws MalformedCredentialException {
        CBORObject value = required(map, key, name);
        if (value.getType() != CBORType.Integer || !value.CanValueFitInInt64()) {
            throw new MalformedCredentialException(INVALID_CLAIM, "claim '" + name + "' is not a whole number of seconds");
        }
        return value.AsInt64Value();
    }

    private static byte[] bytes(CBORObject map, Object key, String name) throws MalformedCredentialException {
        CBORObject value = required(map, key, name);
        if (value.getType() != CBORType.ByteString) {
            throw new MalformedCredentialException(INVALID_CLAIM, "claim '" + name + "' is not a byte string");
        }
        return value.GetByteString();
    }
}
