package org.pramaan.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.io.BaseEncoding;
import com.upokecenter.cbor.CBOREncodeOptions;
import com.upokecenter.cbor.CBORObject;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.pramaan.credential.CredentialCheck.Outcome;
import org.pramaan.credential.MalformedCredentialException.Reason;

/** Anything that is not a Pramaan credential is MALFORMED, with the specific reason. */
class MalformedInputTest {

    private static final BaseEncoding BASE32 = BaseEncoding.base32().omitPadding();
    private final CredentialVerifier verifier = new CredentialVerifier(TestKeys.trustList(), Clock.systemUTC());

    @Test
    void emptyText() {
        assertMalformed("", Reason.EMPTY);
        assertMalformed("https://verify.example.gov.in/C/", Reason.EMPTY);
        assertMalformed(null, Reason.EMPTY);
    }

    @Test
    void notBase32() {
        assertMalformed("https://www.example.com/some/page", Reason.NOT_BASE32);
        assertMalformed("HELLO WORLD 1", Reason.NOT_BASE32);
    }

    @Test
    void notZlib() {
        assertMalformed(BASE32.encode("this is plain text, not compressed".getBytes()), Reason.BAD_ZLIB);
        String valid = Samples.signedIncome().payload();
        assertMalformed(valid.substring(0, valid.length() - 8), Reason.BAD_ZLIB);
    }

    @Test
    void tooLarge() {
        assertMalformed("A".repeat(CredentialText.MAX_TEXT_LENGTH + 1), Reason.TOO_LARGE);
        // A zip bomb: a few hundred characters that would inflate to a megabyte.
        assertMalformed(BASE32.encode(zlib(new byte[1 << 20])), Reason.TOO_LARGE);
    }

    @Test
    void notCoseSign1() {
        assertMalformed(encode(CBORObject.FromObject("just a string").EncodeToBytes()), Reason.NOT_COSE_SIGN1);
        assertMalformed(encode(CBORObject.NewArray().Add(1).Add(2).EncodeToBytes()), Reason.NOT_COSE_SIGN1);
        assertMalformed(encode(CBORObject.FromObjectAndTag(CBORObject.NewArray(), 98).EncodeToBytes()), Reason.NOT_COSE_SIGN1);
        assertMalformed(encode(new byte[] {(byte) 0xFF, 0x00}), Reason.NOT_COSE_SIGN1);
    }

    @Test
    void wrongAlgorithm() throws GeneralSecurityException {
        byte[] header = CBORObject.NewMap().Add(1, -35).Add(4, TestKeys.REV_SIGNER.kid().bytes())
                .EncodeToBytes(CBOREncodeOptions.DefaultCtap2Canonical);
        assertMalformed(encode(sign(header, ClaimsCodec.encode(Samples.income(Samples.ISSUED)))), Reason.WRONG_ALGORITHM);
    }

    @Test
    void missingClaim() throws GeneralSecurityException {
        CBORObject claims = CBORObject.DecodeFromBytes(ClaimsCodec.encode(Samples.income(Samples.ISSUED)));
        claims.Remove(CBORObject.FromObject(ClaimsCodec.ISS));
        byte[] header = CoseSign1.protectedHeaderFor(TestKeys.REV_SIGNER.kid());

        CredentialCheck check = verifier.verify(sign(header, claims.EncodeToBytes()));

        assertThat(check.outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(check.malformedReason()).contains(Reason.MISSING_CLAIM);
        assertThat(check.reason()).contains("missing claim 'iss'");
    }

    private void assertMalformed(String text, Reason reason) {
        CredentialCheck check = verifier.verify(text);
        assertThat(check.outcome()).as(check.reason()).isEqualTo(Outcome.MALFORMED);
        assertThat(check.malformedReason()).as(check.reason()).contains(reason);
        assertThat(check.reason()).startsWith("not a Pramaan certificate: ");
    }

    private static byte[] sign(byte[] protectedHeader, byte[] payload) throws GeneralSecurityException {
        byte[] signature = Es256.sign(TestKeys.REV_SIGNER.privateKey(), CoseSign1.toBeSigned(protectedHeader, payload));
        return CBORObject.FromObjectAndTag(CBORObject.NewArray().Add(protectedHeader).Add(CBORObject.NewMap())
                .Add(payload).Add(signature), CoseSign1.TAG).EncodeToBytes();
    }

    private static String encode(byte[] cose) {
        return CredentialText.payload(cose);
    }

    private static byte[] zlib(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
