package org.pramaan.verifier.image;

/**
 * What an uploaded file yielded: a QR text, the COSE bytes of a credential embedded in a PDF, or
 * nothing, with the message key and reason to tell the person.
 */
public sealed interface UploadedCredential {

    record QrText(String text) implements UploadedCredential {
    }

    record Cose(byte[] bytes) implements UploadedCredential {
    }

    record NotFound(String messageKey, String reason) implements UploadedCredential {
    }
}
