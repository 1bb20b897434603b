package org.pramaan.credential.offline;

import com.upokecenter.cbor.CBORException;
import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.id.KeyId;
import org.pramaan.credential.CoseSign1;
import org.pramaan.credential.CryptoProvider;

/**
 * The offline bundle's wire form (docs/offline-bundle.md): a tagged COSE_Sign1, ES256, protected
 * header {1: -7, 4: receipt key id}, whose payload is a CBOR map with text keys, version 1. The
 * server writes with {@link #encode}, {@link #encodeDelta} and {@link #sign}; readers go through
 * {@link OfflineBundle#read}. Maps are written in a fixed order and department maps sorted by code,
 * so the same state gives the same payload.
 */
public final class BundleCodec {

    public static final int VERSION = 1;
    /** The media type of the signed bundle. */
    public static final String MEDIA_TYPE = "application/cose";
    /** Larger than any bundle we serve (10 million revoked ids are 80 MB): refuse before decoding. */
    static final int MAX_BYTES = 64 * 1024 * 1024;

    private BundleCodec() {
    }

    /** The payload of a full bundle. */
    public static byte[] encode(OfflineBundle bundle) {
        CBORObject map = header(bundle.height(), bundle.builtAt(), bundle.maxAge());
        CBORObject roots = CBORObject.NewArray();
        for (X509Certificate root : bundle.roots()) {
            roots.Add(der(root));
        }
        map.Add("roots", roots);
        map.Add("signers", signers(bundle.signers()));
        CBORObject names = CBORObject.NewOrderedMap();
        new TreeMap<>(bundle.names()).forEach((dept, byLanguage) -> {
            CBORObject languages = CBORObject.NewOrderedMap();
            new TreeMap<>(byLanguage).forEach(languages::Add);
            names.Add(dept, languages);
        });
        map.Add("names", names);
        map.Add("revoked", idSets(bundle.revoked()));
        map.Add("held", idSets(bundle.held()));
        return map.EncodeToBytes();
    }

    /** The payload of a delta. */
    public static byte[] encodeDelta(BundleDelta delta) {
        CBORObject map = CBORObject.NewOrderedMap();
        map.Add("v", VERSION);
        map.Add("since", delta.since());
        map.Add("height", delta.height());
        map.Add("at", delta.builtAt().getEpochSecond());
        map.Add("maxAge", delta.maxAge().toSeconds());
        delta.signers().ifPresent(list -> map.Add("signers", signers(list)));
        map.Add("revokedAdded", idSets(delta.revokedAdded()));
        map.Add("heldAdded", idSets(delta.heldAdded()));
        map.Add("heldRemoved", idSets(delta.heldRemoved()));
        return map.EncodeToBytes();
    }

    /** The tagged COSE_Sign1 over {@code payload}, signed ES256 by the receipt key whose id is {@code kid}. */
    public static byte[] sign(byte[] payload, PrivateKey key, byte[] kid) {
        byte[] protectedHeader = CBORObject.NewOrderedMap().Add(1, CoseSign1.ES256).Add(4, kid).EncodeToBytes();
        try {
            byte[] signature = CryptoProvider.active().signEs256(key, CoseSign1.toBeSigned(protectedHeader, payload));
            return CBORObject.FromObjectAndTag(CBORObject.NewArray()
                    .Add(protectedHeader).Add(CBORObject.NewMap()).Add(payload).Add(signature), CoseSign1.TAG)
                    .EncodeToBytes();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the offline bundle", e);
        }
    }

    /** A full bundle or a delta, its signature checked first. */
    static Object read(byte[] cose, PublicKey receiptKey) throws InvalidBundleException {
        if (cose == null || cose.length == 0 || cose.length > MAX_BYTES) {
            throw format("empty or larger than " + MAX_BYTES + " bytes", null);
        }
        CBORObject payload;
        try {
            CBORObject message = CBORObject.DecodeFromBytes(cose);
            if (message.isTagged()) {
                if (message.getTagCount() != 1 || !message.HasMostOuterTag(CoseSign1.TAG)) {
                    throw format("tagged, but not as COSE_Sign1 (tag 18)", null);
                }
                message = message.UntagOne();
            }
            if (message.getType() != CBORType.Array || message.size() != 4) {
                throw format("not a COSE_Sign1 array of four elements", null);
            }
            byte[] protectedHeader = bytes(message.get(0), "protected header");
            byte[] body = bytes(message.get(2), "payload");
            byte[] signature = bytes(message.get(3), "signature");
            CBORObject header = CBORObject.DecodeFromBytes(protectedHeader);
            CBORObject alg = header.getType() == CBORType.Map ? header.get(CBORObject.FromObject(1)) : null;
            if (alg == null || alg.getType() != CBORType.Integer || !alg.CanValueFitInInt32()
                    || alg.AsInt32Value() != CoseSign1.ES256) {
                throw format("the protected header does not say ES256", null);
            }
            if (!verifies(receiptKey, CoseSign1.toBeSigned(protectedHeader, body), signature)) {
                throw new InvalidBundleException(InvalidBundleException.Reason.SIGNATURE,
                        "the bundle is not signed by the configured receipt key");
            }
            payload = CBORObject.DecodeFromBytes(body);
        } catch (CBORException | IllegalArgumentException | IllegalStateException e) {
            throw format("not valid CBOR: " + e.getMessage(), e);
        }
        try {
            return decode(payload);
        } catch (CBORException | IllegalArgumentException | IllegalStateException | ClassCastException
                 | ArithmeticException e) {
            throw format("the payload is not a version 1 bundle: " + e.getMessage(), e);
        }
    }

    private static Object decode(CBORObject map) throws InvalidBundleException {
        if (map.getType() != CBORType.Map) {
            throw format("the payload is not a map", null);
        }
        if (integer(map, "v") != VERSION) {
            throw format("bundle version " + map.get("v") + ", this verifier reads version " + VERSION, null);
        }
        long height = integer(map, "height");
        Instant at = Instant.ofEpochSecond(integer(map, "at"));
        Duration maxAge = Duration.ofSeconds(integer(map, "maxAge"));
        if (map.ContainsKey("since")) {
            Optional<List<BundleSigner>> signers = map.ContainsKey("signers")
                    ? Optional.of(readSigners(map.get("signers"))) : Optional.empty();
            return new BundleDelta(integer(map, "since"), height, at, maxAge, signers,
                    readIdSets(required(map, "revokedAdded")), readIdSets(required(map, "heldAdded")),
                    readIdSets(required(map, "heldRemoved")));
        }
        List<BundleSigner> signers = readSigners(required(map, "signers"));
        List<X509Certificate> roots = new ArrayList<>();
        for (CBORObject root : required(map, "roots").getValues()) {
            roots.add(certificate(root.GetByteString()));
        }
        Map<String, Map<String, String>> names = new HashMap<>();
        CBORObject nameMap = required(map, "names");
        for (CBORObject dept : nameMap.getKeys()) {
            Map<String, String> byLanguage = new HashMap<>();
            CBORObject languages = nameMap.get(dept);
            for (CBORObject language : languages.getKeys()) {
                byLanguage.put(language.AsString(), languages.get(language).AsString());
            }
            names.put(dept.AsString(), byLanguage);
        }
        return new OfflineBundle(height, at, maxAge, roots, signers, names, readIdSets(required(map, "revoked")),
                readIdSets(required(map, "held")));
    }

    private static CBORObject header(long height, Instant at, Duration maxAge) {
        CBORObject map = CBORObject.NewOrderedMap();
        map.Add("v", VERSION);
        map.Add("height", height);
        map.Add("at", at.getEpochSecond());
        map.Add("maxAge", maxAge.toSeconds());
        return map;
    }

    private static CBORObject signers(List<BundleSigner> signers) {
        CBORObject array = CBORObject.NewArray();
        for (BundleSigner signer : signers) {
            CBORObject entry = CBORObject.NewOrderedMap();
            entry.Add("dept", signer.department().value());
            entry.Add("kid", signer.kid().bytes());
            entry.Add("cert", der(signer.certificate()));
            entry.Add("from", signer.from().getEpochSecond());
            entry.Add("until", signer.until().getEpochSecond());
            signer.revokedAt().ifPresent(at -> entry.Add("revokedAt", at.getEpochSecond()));
            array.Add(entry);
        }
        return array;
    }

    private static List<BundleSigner> readSigners(CBORObject array) throws InvalidBundleException {
        List<BundleSigner> signers = new ArrayList<>();
        for (CBORObject entry : array.getValues()) {
            if (!entry.ContainsKey("cert")) {
                // Version 1 allows "spki" for a key without a certificate; the server's trust list needs one.
                continue;
            }
            X509Certificate certificate = certificate(entry.get("cert").GetByteString());
            KeyId kid = KeyId.of(entry.get("kid").GetByteString());
            if (!kid.equals(KeyId.of(certificate))) {
                throw format("signer " + kid + " does not match its certificate", null);
            }
            Optional<Instant> revokedAt = entry.ContainsKey("revokedAt")
                    ? Optional.of(Instant.ofEpochSecond(integer(entry, "revokedAt"))) : Optional.empty();
            signers.add(new BundleSigner(DepartmentCode.of(entry.get("dept").AsString()), kid, certificate,
                    Instant.ofEpochSecond(integer(entry, "from")), Instant.ofEpochSecond(integer(entry, "until")),
                    revokedAt));
        }
        return signers;
    }

    private static CBORObject idSets(Map<String, IdSet> sets) {
        CBORObject map = CBORObject.NewOrderedMap();
        new TreeMap<>(sets).forEach((dept, ids) -> {
            if (!ids.isEmpty()) {
                map.Add(dept, ids.encode());
            }
        });
        return map;
    }

    private static Map<String, IdSet> readIdSets(CBORObject map) {
        Map<String, IdSet> sets = new HashMap<>();
        for (CBORObject dept : map.getKeys()) {
            sets.put(dept.AsString(), IdSet.decode(map.get(dept).GetByteString()));
        }
        return sets;
    }

    private static boolean verifies(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier = CryptoProvider.active().es256();
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static CBORObject required(CBORObject map, String key) throws InvalidBundleException {
        CBORObject value = map.get(key);
        if (value == null) {
            throw format("the payload has no \"" + key + "\"", null);
        }
        return value;
    }

    private static long integer(CBORObject map, String key) throws InvalidBundleException {
        CBORObject value = required(map, key);
        if (value.getType() != CBORType.Integer || !value.CanValueFitInInt64()) {
            throw format("\"" + key + "\" is not an integer", null);
        }
        return value.AsInt64Value();
    }

    private static byte[] bytes(CBORObject value, String what) throws InvalidBundleException {
        if (value.getType() != CBORType.ByteString) {
            throw format("the " + what + " is not a byte string", null);
        }
        return value.GetByteString();
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    private static X509Certificate certificate(byte[] der) throws InvalidBundleException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw format("a certificate in the bundle cannot be read: " + e.getMessage(), e);
        }
    }

    private static InvalidBundleException format(String message, Throwable cause) {
        return new InvalidBundleException(InvalidBundleException.Reason.FORMAT, "not an offline bundle: " + message, cause);
    }
}
