package org.pramaan.contract.core;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The one JSON dialect of the contract. Reading is strict, because anything lenient here becomes a
 * record on an append-only ledger: unknown fields, duplicate keys, trailing content and numbers
 * where text belongs are all refused. Writing is deterministic, because every endorsing peer must
 * produce the same bytes: each type fixes its field order, nulls are left out, map entries are
 * sorted, instants are ISO-8601 text, and nothing is indented. Only record components become JSON
 * properties; a convenience method such as {@code isActive()} never leaks into stored state.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .visibility(PropertyAccessor.GETTER, Visibility.NONE)
            .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, Visibility.ANY)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .withCoercionConfig(LogicalType.Textual, cfg -> cfg
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Enum, cfg -> cfg
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .addModule(new SimpleModule("pramaan-instants")
                    .addSerializer(Instant.class, new InstantSerializer())
                    .addDeserializer(Instant.class, new InstantDeserializer()))
            .build();

    private Json() {
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static String writeString(Object value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    /**
     * Reads a transaction argument; every failure is {@link ErrorCode#INVALID_ARGUMENT} naming the
     * argument ({@code what}) and where in it the problem is.
     */
    public static <T> T readArgument(String json, Class<T> type, String what) {
        Checks.present(json, what);
        T value;
        try {
            value = MAPPER.readValue(json, type);
        } catch (UnrecognizedPropertyException e) {
            String at = path(e, true);
            throw ErrorCode.INVALID_ARGUMENT.exception("unknown field '" + e.getPropertyName() + "' in " + what
                    + (at.isEmpty() ? "" : " at " + at));
        } catch (JsonMappingException e) {
            String at = path(e, false);
            ContractViolation cause = contractCause(e);
            if (cause != null) {
                throw at.isEmpty() ? cause : cause.at(at);
            }
            throw ErrorCode.INVALID_ARGUMENT.exception(what + " is not acceptable" + (at.isEmpty() ? "" : " at " + at)
                    + ": " + reason(e));
        } catch (JsonProcessingException e) {
            throw ErrorCode.INVALID_ARGUMENT.exception(what + " is not valid JSON: " + reason(e));
        }
        if (value == null) {
            throw ErrorCode.INVALID_ARGUMENT.exception(what + " is JSON null; an object is needed");
        }
        return value;
    }

    /** Reads a stored value; failure means the state is damaged, not that the caller erred. */
    public static <T> T readState(byte[] bytes, Class<T> type, String key) {
        T value;
        try {
            value = MAPPER.readValue(bytes, type);
        } catch (IOException | ContractViolation e) {
            throw ErrorCode.CORRUPT_STATE.exception("stored value under key '" + printable(key)
                    + "' is not a readable " + type.getSimpleName() + ": " + e.getMessage());
        }
        if (value == null) {
            throw ErrorCode.CORRUPT_STATE.exception("stored value under key '" + printable(key) + "' is JSON null");
        }
        return value;
    }

    /** A state key with Fabric's composite-key separators shown as '~'. */
    public static String printable(String key) {
        return key.replace('\u0000', '~');
    }

    /** Jackson's explanation without its source location, which says nothing useful about a string argument. */
    private static String reason(JsonProcessingException e) {
        String reason = e.getOriginalMessage().lines().findFirst().orElse("");
        int location = reason.indexOf(" (start marker at");
        return location < 0 ? reason : reason.substring(0, location);
    }

    private static ContractViolation contractCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ContractViolation contract) {
                return contract;
            }
        }
        return null;
    }

    /** "certificates[2].kid" from Jackson's path; {@code dropLast} leaves out a field named elsewhere. */
    private static String path(JsonMappingException e, boolean dropLast) {
        var path = e.getPath();
        int end = dropLast ? path.size() - 1 : path.size();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < end; i++) {
            JsonMappingException.Reference ref = path.get(i);
            if (ref.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText();
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw ErrorCode.INVALID_ARGUMENT.exception("field '" + p.currentName()
                        + "' must be an ISO-8601 instant such as 2026-01-31T00:00:00Z: '" + text + "'");
            }
        }
    }
}
