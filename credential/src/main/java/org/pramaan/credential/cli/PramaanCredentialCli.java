package org.pramaan.credential.cli;

import org.pramaan.credential.CryptoProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The command-line tool for department IT staff: development keys, signing a certificate from a
 * JSON file, writing its QR code, and verifying a QR text or image.
 */
@Command(name = "pramaan-credential", mixinStandardHelpOptions = true, versionProvider = PramaanCredentialCli.Version.class,
        description = "Sign and verify Pramaan certificate credentials.",
        subcommands = {KeysCommand.class, SignCommand.class, VerifyCommand.class, DemoCommand.class})
public final class PramaanCredentialCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The version, and the crypto provider that signs and verifies in this JVM (native or the JDK fallback). */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"pramaan-credential 0.1", "crypto provider: " + CryptoProvider.active().description()};
        }
    }

    /** Runs a command and returns its exit code (for tests, which must not exit the JVM). */
    public static int run(String... args) {
        return new CommandLine(new PramaanCredentialCli()).execute(args);
    }
}
