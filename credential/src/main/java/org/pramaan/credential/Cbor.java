package org.pramaan.credential;

import com.upokecenter.cbor.CBORException;
import com.upokecenter.cbor.CBORObject;

/** Strict CBOR decoding that reports failures as malformed input, never as a runtime exception. */
final class Cbor {

    private Cbor() {
    }

    static CBORObject decode(byte[] bytes, MalformedCredentialException.Reason reason, String what) throws MalformedCredentialException {
        try {
            // DecodeFromBytes rejects trailing bytes, duplicate map keys and nesting deeper than its limit.
            return CBORObject.DecodeFromBytes(bytes);
        } catch (CBORException | IllegalArgumentException | IllegalStateException e) {
            throw new MalformedCredentialException(reason, "the " + what + " are not valid CBOR: " + e.getMessage());
        }
    }
}
