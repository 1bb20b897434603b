package org.pramaan.service.storage;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link ObjectStore} over the S3 API (AWS SDK for Java v2), for any S3-compatible store: Ceph, MinIO, a cloud's, or
 * S3Proxy in development. Path-style addresses ({@code endpoint/bucket/key}, no bucket host names to resolve), and
 * the SDK's own checksums only where the API requires them: S3Proxy and several on-premises stores refuse the
 * newer chunked uploads with trailing checksums. Integrity is ours instead: the SHA-256 the database keeps, checked
 * on every read.
 */
public final class S3ObjectStore implements ObjectStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(S3ObjectStore.class);

    /** How to reach a store. The secret key never reaches a log through this record. */
    public record Settings(URI endpoint, String region, String bucket, String accessKey, String secretKey,
                           Duration connectTimeout, Duration callTimeout) {
        public Settings {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(accessKey, "accessKey");
            Objects.requireNonNull(secretKey, "secretKey");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(callTimeout, "callTimeout");
        }

        @Override
        public String toString() {
            return "Settings[" + endpoint + ", region=" + region + ", bucket=" + bucket + "]";
        }
    }

    private final S3Client s3;
    private final String bucket;
    private final URI endpoint;

    public S3ObjectStore(Settings settings) {
        this.bucket = settings.bucket();
        this.endpoint = settings.endpoint();
        this.s3 = S3Client.builder()
                .endpointOverride(settings.endpoint())
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                // No "Expect: 100-continue" before each body: it exists to spare sending a large body the server
                // would refuse, costs a round trip per PDF (tens of kilobytes) and S3Proxy answers it anyway.
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true)
                        .chunkedEncodingEnabled(false).expectContinueEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.callTimeout()).expectContinueEnabled(false))
                .overrideConfiguration(c -> c.apiCallTimeout(settings.callTimeout()))
                .build();
    }

    /** Makes the bucket when it does not exist (development, and stores the service may set up itself). */
    public S3ObjectStore createBucketIfMissing() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException missing) {
            createBucket();
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw unavailable("check bucket " + bucket, e);
            }
            createBucket();
        } catch (SdkException e) {
            throw unavailable("check bucket " + bucket, e);
        }
        return this;
    }

    private void createBucket() {
        try {
            s3.createBucket(b -> b.bucket(bucket));
            LOG.info("Made bucket {} at {}", bucket, endpoint);
        } catch (S3Exception e) {
            // Another instance starting at the same time made it first.
            if (e.statusCode() != 409) {
                throw unavailable("make bucket " + bucket, e);
            }
        } catch (SdkException e) {
            throw unavailable("make bucket " + bucket, e);
        }
    }

    @Override
    public StoredObject put(String key, byte[] bytes, String contentType) {
        StoredObject stored = StoredObject.of(key, bytes);
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).contentLength((long) bytes.length)
                    .metadata(java.util.Map.of("sha256", stored.sha256Hex())), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw unavailable("store " + key, e);
        }
        return stored;
    }

    @Override
    public byte[] get(StoredObject expected) {
        byte[] bytes;
        try {
            ResponseBytes<GetObjectResponse> response = s3.getObjectAsBytes(b -> b.bucket(bucket).key(expected.key()));
            bytes = response.asByteArrayUnsafe();
        } catch (NoSuchKeyException e) {
            LOG.error("Stored object {} is missing from bucket {} (the database expects SHA-256 {}): not served",
                    expected.key(), bucket, expected.sha256Hex());
            throw new StoredObjectCorruptException(expected.key());
        } catch (SdkException e) {
            throw unavailable("read " + expected.key(), e);
        }
        if (!expected.matches(bytes)) {
            LOG.error("Stored object {} failed its integrity check: the database expects SHA-256 {} ({} bytes), the store"
                    + " gave {} ({} bytes); not served", expected.key(), expected.sha256Hex(), expected.size(),
                    StoredObject.of(expected.key(), bytes).sha256Hex(), bytes.length);
            throw new StoredObjectCorruptException(expected.key());
        }
        return bytes;
    }

    @Override
    public void delete(String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw unavailable("delete " + key, e);
        }
    }

    private ObjectStoreUnavailableException unavailable(String what, SdkException e) {
        LOG.warn("Object store {} could not {}: {}", endpoint, what, e.toString());
        return new ObjectStoreUnavailableException("the document store cannot be reached; nothing was stored; try again"
                + " in " + ObjectStoreUnavailableException.RETRY_AFTER.toSeconds() + " seconds", e);
    }

    @Override
    public void close() {
        s3.close();
    }
}
