package org.pramaan.service.work;

import java.util.UUID;

/**
 * Names a worker in the lease columns, unique across processes and restarts (the process id alone repeats after a
 * restart, so a fresh random part is added), and readable enough for an operator to tell which process holds a row.
 */
public final class WorkerIdentity {

    private WorkerIdentity() {
    }

    /** {@code <queue>@<pid>/<random>}, e.g. {@code delivery-1@4711/3f9a2c1e}; at most 64 characters. */
    public static String of(String worker) {
        String id = worker + "@" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() <= 64 ? id : id.substring(id.length() - 64);
    }
}
