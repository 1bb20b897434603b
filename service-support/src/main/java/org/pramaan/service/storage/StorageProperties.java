package org.pramaan.service.storage;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The object store's settings, under {@code pramaan.storage}; the issuer binds them to these environment variables:
 *
 * @param endpoint       {@code STORAGE_ENDPOINT}: the S3 API's base URL ({@code https://objects.state.example:9000});
 *                       blank: an embedded S3Proxy (development and tests)
 * @param region         {@code STORAGE_REGION}: the region the requests are signed for ({@code us-east-1})
 * @param bucket         {@code STORAGE_BUCKET}: the bucket ({@code pramaan})
 * @param accessKey      {@code STORAGE_ACCESS_KEY}
 * @param secretKey      {@code STORAGE_SECRET_KEY}
 * @param createBucket   {@code STORAGE_CREATE_BUCKET}: make the bucket at start when it is missing (always done for
 *                       the embedded store)
 * @param connectTimeout {@code STORAGE_CONNECT_TIMEOUT}: one connection attempt (2 s)
 * @param callTimeout    {@code STORAGE_CALL_TIMEOUT}: one call, retries included (10 s)
 * @param embeddedJar    {@code EMBEDDED_S3PROXY_JAR}: S3Proxy's self-contained jar (the build puts it in
 *                       {@code service-support/target/s3proxy/s3proxy.jar}; tests get it as {@code pramaan.s3proxy.jar})
 * @param embeddedFolder {@code EMBEDDED_S3PROXY_DIR}: the embedded store's files, kept between runs
 */
@ConfigurationProperties("pramaan.storage")
public record StorageProperties(@DefaultValue("") String endpoint,
                                @DefaultValue("us-east-1") String region,
                                @DefaultValue("pramaan") String bucket,
                                @DefaultValue("") String accessKey,
                                @DefaultValue("") String secretKey,
                                @DefaultValue("false") boolean createBucket,
                                @DefaultValue("2s") Duration connectTimeout,
                                @DefaultValue("10s") Duration callTimeout,
                                @DefaultValue("") String embeddedJar,
                                @DefaultValue("") String embeddedFolder) {

    public StorageProperties {
        endpoint = endpoint == null ? "" : endpoint.strip();
        region = region == null || region.isBlank() ? "us-east-1" : region.strip();
        bucket = bucket == null || bucket.isBlank() ? "pramaan" : bucket.strip();
        accessKey = accessKey == null ? "" : accessKey.strip();
        secretKey = secretKey == null ? "" : secretKey;
        embeddedJar = embeddedJar == null ? "" : embeddedJar.strip();
        embeddedFolder = embeddedFolder == null ? "" : embeddedFolder.strip();
    }

    public boolean embedded() {
        return endpoint.isEmpty();
    }

    /** How to reach an external store (not the embedded one). */
    public S3ObjectStore.Settings settings() {
        if (accessKey.isEmpty() || secretKey.isEmpty()) {
            throw new IllegalStateException("STORAGE_ENDPOINT is set: STORAGE_ACCESS_KEY and STORAGE_SECRET_KEY must be too");
        }
        return new S3ObjectStore.Settings(URI.create(endpoint), region, bucket, accessKey, secretKey, connectTimeout,
                callTimeout);
    }

    public Path embeddedJarPath() {
        if (embeddedJar.isEmpty()) {
            throw new IllegalStateException("no STORAGE_ENDPOINT and no EMBEDDED_S3PROXY_JAR: set STORAGE_ENDPOINT to the"
                    + " object store, or EMBEDDED_S3PROXY_JAR to S3Proxy's jar (service-support/target/s3proxy/s3proxy.jar)");
        }
        return Path.of(embeddedJar);
    }

    // The secret never reaches a log through this record.
    @Override
    public String toString() {
        return "StorageProperties[endpoint=" + (endpoint.isEmpty() ? "(embedded)" : endpoint) + ", region=" + region
                + ", bucket=" + bucket + ", accessKey=" + (accessKey.isEmpty() ? "" : "(set)") + "]";
    }
}
