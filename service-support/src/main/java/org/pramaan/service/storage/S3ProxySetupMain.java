package org.pramaan.service.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pramaan.service.devsettings.DevSettingsFile;

/**
 * {@code ./pramaan up}'s object store settings: the S3Proxy credentials made once and kept in {@code dev.env}
 * ({@code STORAGE_ENDPOINT}, {@code STORAGE_ACCESS_KEY}, {@code STORAGE_SECRET_KEY}, {@code STORAGE_BUCKET}, which
 * the script hands to the services), and S3Proxy's properties file for them, {@code <home>/objects-s3proxy.conf}
 * (mode 600), over the folder {@code <home>/objects}. Prints the properties file's path.
 *
 * <pre>{@code java -cp pramaan-dev-peer.jar org.pramaan.service.storage.S3ProxySetupMain HOME PORT}</pre>
 */
public final class S3ProxySetupMain {

    private S3ProxySetupMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: S3ProxySetupMain PRAMAAN_HOME PORT");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        System.out.println(setUp(home, port));
    }

    /** Writes the settings (credentials kept when dev.env has them) and returns the properties file. */
    public static Path setUp(Path home, int port) throws IOException {
        DevSettingsFile devEnv = DevSettingsFile.in(home);
        Map<String, String> existing = devEnv.read();
        SecureRandom random = new SecureRandom();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("STORAGE_ENDPOINT", "http://127.0.0.1:" + port);
        values.put("STORAGE_BUCKET", existing.getOrDefault("STORAGE_BUCKET", "pramaan"));
        values.put("STORAGE_ACCESS_KEY", existing.getOrDefault("STORAGE_ACCESS_KEY", "pramaan-" + hex(random, 6)));
        values.put("STORAGE_SECRET_KEY", existing.getOrDefault("STORAGE_SECRET_KEY", hex(random, 24)));
        // The bucket is made by the first service that starts (S3Proxy starts with none).
        values.put("STORAGE_CREATE_BUCKET", "true");
        devEnv.put(values);
        Path folder = home.resolve("objects");
        Files.createDirectories(folder);
        Path conf = home.resolve("objects-s3proxy.conf");
        Files.deleteIfExists(conf);
        Files.createFile(conf, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(conf, EmbeddedS3Proxy.configuration(folder, port, values.get("STORAGE_ACCESS_KEY"),
                values.get("STORAGE_SECRET_KEY")), StandardCharsets.UTF_8);
        return conf;
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
