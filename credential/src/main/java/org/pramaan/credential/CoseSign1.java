package org.pramaan.credential;

import static org.pramaan.credential.MalformedCredentialException.Reason.NOT_COSE_SIGN1;
import static org.pramaan.credential.MalformedCredentialException.Reason.WRONG_ALGORITHM;

import com.upokecenter.cbor.CBOREncodeOptions;
import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import org.pramaan.contract.id.KeyId;

/**
 * A COSE_Sign1 message (RFC 9052 section 4.2) with ES256, as Pramaan uses it: the protected header
 * holds {@code alg} and {@code kid}, the unprotected header is empty, the payload is the CWT claims.
 *
 * <p>Written on the CBOR library rather than a COSE library: the maintained Java COSE libraries are
 * either unmaintained (cose-java, last release 2019) or pull in a JOSE stack; the structure itself is
 * four array elements and one {@code Sig_structure}, and an independent COSE implementation verifies
 * our output in the tests.
 */
public record CoseSign1(byte[] protectedHeader, KeyId kid, byte[] payload, byte[] signature) {

    /** CBOR tag for COSE_Sign1. */
    public static final int TAG = 18;
    /** COSE algorithm identifier for ECDSA w/ SHA-256 on P-256. */
    public static final int ES256 = -7;
    static final int HEADER_ALG = 1;
    static final int HEADER_KID = 4;
    /** ES256 signatures are r and s, 32 bytes each (RFC 9053 section 2.1). */
    public static final int SIGNATURE_LENGTH = 64;

    /** The protected header bytes for a signer; fixed per key, so it is computed once. */
    public static byte[] protectedHeaderFor(KeyId kid) {
        return CBORObject.NewMap()
                .Add(HEADER_ALG, ES256)
                .Add(HEADER_KID, kid.bytes())
                .EncodeToBytes(CBOREncodeOptions.DefaultCtap2Canonical);
    }

    /** The bytes that are signed: {@code Sig_structure = ["Signature1", protected, h'', payload]}. */
    public static byte[] toBeSigned(byte[] protectedHeader, byte[] payload) {
        return CBORObject.NewArray()
                .Add("Signature1")
                .Add(protectedHeader)
                .Add(new byte[0])
                .Add(payload)
                .EncodeToBytes();
    }

    public byte[] toBeSigned() {
        return toBeSigned(protectedHeader, payload);
    }

    /** Tagged COSE_Sign1 bytes. */
    public byte[] encode() {
        return CBORObject.FromObjectAndTag(CBORObject.NewArray()
                        .Add(protectedHeader)
                        .Add(CBORObject.NewMap())
                        .Add(payload)
                        .Add(signature), TAG)
                .EncodeToBytes();
    }

    /** Parses tagged or untagged COSE_Sign1 and insists on ES256 with an 8-byte kid. */
    public static CoseSign1 decode(byte[] bytes) throws MalformedCredentialException {
        CBORObject message = Cbor.decode(bytes, NOT_COSE_SIGN1, "credential bytes");
        if (message.isTagged()) {
            if (message.getTagCount() != 1 || !message.HasMostOuterTag(TAG)) {
                throw new MalformedCredentialException(NOT_COSE_SIGN1, "tagged, but not as COSE_Sign1 (tag 18)");
            }
            message = message.UntagOne();
        }
        if (message.getType() != CBORType.Array || message.size() != 4) {
            throw new MalformedCredentialException(NOT_COSE_SIGN1, "not a COSE_Sign1 array of four elements");
        }
        byte[] protectedHeader = byteString(message.get(0), "protected header");
        if (message.get(1).getType() != CBORType.Map) {
            throw new MalformedCredentialException(NOT_COSE_SIGN1, "the unprotected header is not a map");
        }
        byte[] payload = byteString(message.get(2), "payload");
        byte[] signature = byteString(message.get(3), "signature");

        CBORObject header = Cbor.decode(protectedHeader, NOT_COSE_SIGN1, "protected header");
        if (header.getType() != CBORType.Map) {
            throw new MalformedCredentialException(NOT_COSE_SIGN1, "the protected header is not a map");
        }
        CBORObject alg = header.get(CBORObject.FromObject(HEADER_ALG));
        if (alg == null) {
            throw new MalformedCredentialException(WRONG_ALGORITHM, "no algorithm in the protected header");
        }
        if (alg.getType() != CBORType.Integer || !alg.CanValueFitInInt32() || alg.AsInt32Value() != ES256) {
            throw new MalformedCredentialException(WRONG_ALGORITHM, "algorithm " + alg + " is not ES256 (-7)");
        }
        CBORObject kid = header.get(CBORObject.FromObject(HEADER_KID));
        if (kid == null || kid.getType() != CBORType.ByteString || kid.GetByteString().length != KeyId.LENGTH) {
            throw new MalformedCredentialException(NOT_COSE_SIGN1, "no 8-byte key id in the protected header");
        }
        if (signature.length != SIGNATURE_LENGTH) {
            throw new MalformedCredentialException(NOT_COSE_SIGN1,
                    "an ES256 signature is " + SIGNATURE_LENGTH + " bytes, this one is " + signature.length);
        }
        return new CoseSign1(protectedHeader, KeyId.of(kid.GetByteString()), payload, signature);
    }

    private static byte[] byteString(CBORObject value, String what) throws MalformedCredentialException {
        if (value.getType() != CBORType.ByteString) {
            throw new MalformedCredentialException(NOT_COSE_SIGN1, "the " + what + " is not a byte string");
        }
        return value.GetByteString();
    }
}
