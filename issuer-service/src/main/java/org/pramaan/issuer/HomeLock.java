package org.pramaan.issuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/**
 * Serialises the first-start writes into {@code PRAMAAN_HOME} (development keys, the bridge token, dev.env) across
 * processes: two issuer-service instances started together on one home must not each make different keys and
 * overwrite each other's. An operating-system lock on {@code home/.lock}; within one JVM (two test contexts) a
 * monitor first, as a JVM may hold one file lock only once.
 */
public final class HomeLock {

    private static final Object IN_THIS_JVM = new Object();

    private HomeLock() {
    }

    public static <T> T holding(Path home, Supplier<T> work) {
        synchronized (IN_THIS_JVM) {
            try {
                Files.createDirectories(home.toAbsolutePath());
                try (FileChannel channel = FileChannel.open(home.resolve(".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                     FileLock lock = channel.lock()) {
                    return work.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + home.resolve(".lock"), e);
            }
        }
    }
}
