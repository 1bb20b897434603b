package org.pramaan.credential.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command-line tool for department IT staff: development keys, signing a certificate from a
 * JSON file, writing its QR code, and verifying a QR text or image.
 */
@Command(name = "pramaan-credential", mixinStandardHelpOptions = true, version = "pramaan-credential 0.1",
        description = "Sign and verify Pramaan certificate credentials.",
        subcommands = {KeysCommand.class, SignCommand.class, VerifyCommand.class, DemoCommand.class})
public final class PramaanCredentialCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code (for tests, which must not exit the JVM). */
    public static int run(String... args) {
        return new CommandLine(new PramaanCredentialCli()).execute(args);
    }
}
