package org.pramaan.credential.cli;

import org.pramaan.credential.CertificateClaims;
import org.pramaan.credential.CredentialCheck;
import org.pramaan.credential.SignedCredential;
import org.pramaan.credential.qr.QrCode;

/** What the tool prints: the same layout for sign, verify and demo. */
final class Printer {

    private Printer() {
    }

    static void signed(SignedCredential credential, String url, QrCode qr) {
        System.out.println("Signed certificate " + credential.claims().certificateId());
        System.out.println("  key id        " + credential.kid());
        System.out.println("  claims hash   " + credential.claimsHashHex() + "  (what the ledger anchors)");
        System.out.println("  QR            version " + qr.version() + ", level " + qr.errorCorrection() + ", mode "
                + qr.mode() + ", " + url.length() + " characters");
        System.out.println("  QR text       " + url);
    }

    static void check(CredentialCheck check) {
        String outcome = check.signatureValid() ? "SIGNATURE VALID (ledger not consulted)" : check.outcome().name();
        System.out.println("Status: " + outcome);
        System.out.println("  " + check.reason());
        check.malformedReason().ifPresent(r -> System.out.println("  reason code   " + r));
        check.credential().ifPresent(credential -> claims(credential.claims()));
    }

    private static void claims(CertificateClaims claims) {
        System.out.println("  certificate   " + claims.certificateId());
        System.out.println("  department    " + claims.issuer());
        System.out.println("  type          " + claims.body().type());
        System.out.println("  holder        " + claims.body().holderName());
        System.out.println("  language      " + claims.body().language().englishName());
        System.out.println("  issued        " + claims.issuedAt());
        System.out.println("  expires       " + claims.expiresAt());
        claims.body().fields().forEach((name, value) -> System.out.printf("  %-13s %s%n", name, value));
    }
}
