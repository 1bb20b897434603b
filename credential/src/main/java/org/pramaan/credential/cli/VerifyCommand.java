package org.pramaan.credential.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pramaan.credential.CredentialCheck;
import org.pramaan.credential.CredentialVerifier;
import org.pramaan.credential.TrustList;
import org.pramaan.credential.TrustedSigner;
import org.pramaan.credential.keys.KeyFiles;
import org.pramaan.credential.qr.QrImageReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify a QR text or a QR image against the state root CA and department signer certificates."
                + " Exit code 0 when the signature is valid, 1 otherwise.")
final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--root", required = true, description = "State root CA certificate, PEM.")
    Path root;

    @Option(names = "--signer", required = true, description = "Department signer certificates, PEM (repeatable).")
    List<Path> signers;

    @ArgGroup(multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--text", description = "The QR text (the verifier URL or the bare payload).")
        String text;

        @Option(names = "--image", description = "A PNG or JPEG holding the QR code.")
        Path image;
    }

    @Override
    public Integer call() throws Exception {
        List<TrustedSigner> trusted = new ArrayList<>();
        for (Path signer : signers) {
            var certificate = KeyFiles.readCertificate(signer);
            trusted.add(new TrustedSigner(KeyFiles.departmentOf(certificate, signer), certificate));
        }
        CredentialVerifier verifier = new CredentialVerifier(
                TrustList.build(KeyFiles.readCertificate(root), trusted), Clock.systemUTC());
        String text = input.text;
        if (input.image != null) {
            Optional<String> read = QrImageReader.read(input.image);
            if (read.isEmpty()) {
                System.err.println("No QR code found in " + input.image);
                return 2;
            }
            text = read.get();
            System.out.println("Read QR code from " + input.image);
        }
        CredentialCheck check = verifier.verify(text);
        Printer.check(check);
        return check.signatureValid() ? 0 : 1;
    }
}
