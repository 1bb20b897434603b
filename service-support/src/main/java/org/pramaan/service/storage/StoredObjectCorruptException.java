package org.pramaan.service.storage;

import java.util.Map;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.RefusalException;

/**
 * An object's bytes no longer hash to what the database recorded (changed, damaged or gone): it is not served. The
 * message names the key only; the store logs the hashes.
 */
public class StoredObjectCorruptException extends RefusalException {

    private static final long serialVersionUID = 1L;

    public StoredObjectCorruptException(String key) {
        super(ProblemCode.STORED_OBJECT_CORRUPT, "the stored document " + key
                + " failed its integrity check and is not served; the operators have been told", Map.of(), null, null);
    }
}
