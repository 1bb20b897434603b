package org.pramaan.service.storage;

import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The service's {@link ObjectStore} from {@link StorageProperties}: {@code STORAGE_ENDPOINT} and its credentials, or
 * an {@link EmbeddedS3Proxy} (development and tests) when the endpoint is blank. Only in a service that has the AWS
 * SDK on its classpath (service-support declares it optional).
 */
@AutoConfiguration
@ConditionalOnClass(name = "software.amazon.awssdk.services.s3.S3Client")
@EnableConfigurationProperties(StorageProperties.class)
public class StorageAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    EmbeddedStore embeddedS3Proxy(StorageProperties properties) {
        if (!properties.embedded()) {
            return new EmbeddedStore(null);
        }
        Path folder = properties.embeddedFolder().isEmpty() ? Path.of(".pramaan", "objects")
                : Path.of(properties.embeddedFolder());
        return new EmbeddedStore(EmbeddedS3Proxy.start(properties.embeddedJarPath(), folder, 0));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(ObjectStore.class)
    S3ObjectStore objectStore(StorageProperties properties, ObjectProvider<EmbeddedStore> embedded) {
        EmbeddedStore proxy = embedded.getIfAvailable();
        if (proxy != null && proxy.proxy() != null) {
            return new S3ObjectStore(proxy.proxy().settings(properties.bucket())).createBucketIfMissing();
        }
        S3ObjectStore store = new S3ObjectStore(properties.settings());
        return properties.createBucket() ? store.createBucketIfMissing() : store;
    }

    /** The embedded S3Proxy when the service runs one (null proxy: an external store). */
    public record EmbeddedStore(EmbeddedS3Proxy proxy) implements AutoCloseable {
        @Override
        public void close() {
            if (proxy != null) {
                proxy.close();
            }
        }
    }
}
