package org.pramaan.bridge.conversation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One citizen's conversation state: a step and the little data it needs (service, field, answers). */
public final class Conversation {

    /** The data key of the application's correlation id while a form is in progress (see Correlation). */
    public static final String CORRELATION_ID = "correlationId";

    private final String citizenId;
    private Step step;
    private final Map<String, String> data;
    private Instant updatedAt;

    public Conversation(String citizenId, Step step, Map<String, String> data, Instant updatedAt) {
        this.citizenId = citizenId;
        this.step = step;
        this.data = new LinkedHashMap<>(data);
        this.updatedAt = updatedAt;
    }

    public static Conversation start(String citizenId, Instant now) {
        return new Conversation(citizenId, Step.LANGUAGE, Map.of(), now);
    }

    public String citizenId() {
        return citizenId;
    }

    public Step step() {
        return step;
    }

    public Map<String, String> data() {
        return Map.copyOf(data);
    }

    public String get(String key) {
        return data.get(key);
    }

    public void put(String key, String value) {
        data.put(key, value);
    }

    public void remove(String key) {
        data.remove(key);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public void touch(Instant now) {
        updatedAt = now;
    }

    /** Moves to a step, dropping the data of the previous task. */
    public void reset(Step next) {
        step = next;
        data.clear();
    }

    public void moveTo(Step next) {
        step = next;
    }
}
