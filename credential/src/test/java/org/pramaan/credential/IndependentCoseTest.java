package org.pramaan.credential;

import static org.assertj.core.api.Assertions.assertThat;

import COSE.HeaderKeys;
import COSE.Message;
import COSE.MessageTag;
import COSE.OneKey;
import COSE.Sign1Message;
import com.upokecenter.cbor.CBORObject;
import org.junit.jupiter.api.Test;

/**
 * Our COSE_Sign1 checked by an independent implementation (cose-java): if it validates the
 * signature and reads the CWT claims, any standard COSE/CWT verifier can.
 */
class IndependentCoseTest {

    @Test
    void coseJavaValidatesTheSignatureAndReadsTheClaims() throws Exception {
        SignedCredential signed = Samples.signedIncome();
        byte[] cose = CredentialText.decode(signed.url("https://verify.example.gov.in"));

        Sign1Message message = (Sign1Message) Message.DecodeFromBytes(cose, MessageTag.Sign1);
        boolean valid = message.validate(new OneKey(TestKeys.REV_SIGNER.certificate().getPublicKey(), null));

        assertThat(valid).isTrue();
        assertThat(message.findAttribute(HeaderKeys.Algorithm).AsInt32()).isEqualTo(-7);
        assertThat(message.findAttribute(HeaderKeys.KID).GetByteString()).isEqualTo(signed.kid().bytes());
        CBORObject claims = CBORObject.DecodeFromBytes(message.GetContent());
        assertThat(claims.get(CBORObject.FromObject(1)).AsString()).isEqualTo("REV");
        assertThat(claims.get(CBORObject.FromObject(7)).GetByteString()).isEqualTo(signed.claims().certificateId().compact());
        assertThat(claims.get(CBORObject.FromObject(6)).AsInt64Value()).isEqualTo(signed.claims().issuedAt().getEpochSecond());
        assertThat(claims.get(CBORObject.FromObject(4)).AsInt64Value()).isEqualTo(signed.claims().expiresAt().getEpochSecond());
    }

    @Test
    void coseJavaRejectsAChangedPayload() throws Exception {
        SignedCredential signed = Samples.signedIncome();
        byte[] payload = signed.cose().payload();
        payload[payload.length - 1] ^= 1;
        byte[] changed = new CoseSign1(signed.cose().protectedHeader(), signed.kid(), payload, signed.cose().signature()).encode();

        Sign1Message message = (Sign1Message) Message.DecodeFromBytes(changed, MessageTag.Sign1);

        assertThat(message.validate(new OneKey(TestKeys.REV_SIGNER.certificate().getPublicKey(), null))).isFalse();
    }
}
