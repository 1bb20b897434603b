package org.pramaan.credential.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.keys.DevelopmentPki;
import org.pramaan.credential.keys.SignerKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Create (or show) development keys: a state root CA and a signer per department, as PEM files.")
final class KeysCommand implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = ".pramaan/keys", description = "Folder for the PEM files (default: ${DEFAULT-VALUE}).")
    Path folder;

    @Option(names = {"-d", "--department"}, split = ",", defaultValue = "REV",
            description = "Department codes to make signers for (default: ${DEFAULT-VALUE}).")
    List<String> departments;

    @Override
    public Integer call() throws Exception {
        DevelopmentPki pki = DevelopmentPki.open(folder, departments.stream().map(DepartmentCode::of).toList(), Clock.systemUTC());
        System.out.println((pki.created() ? "Created" : "Using") + " development keys in " + folder.toAbsolutePath());
        System.out.println("  state root CA  " + pki.root().certificate().getSubjectX500Principal().getName()
                + "  -> " + folder.resolve("root-ca.pem"));
        for (SignerKey signer : pki.signers().values()) {
            System.out.println("  signer " + signer.department() + "     kid " + signer.kid()
                    + "  -> " + DevelopmentPki.signerCertificate(folder, signer.department()));
        }
        return 0;
    }
}
