package org.pramaan.service.logging;

import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Spring Boot's structured logging (ECS, GELF, Logstash; {@code LOG_FORMAT}) with personal numbers masked in every
 * string it writes: the message, the exception's message and stack trace, the MDC and key-value pairs. Those formats
 * write the raw event and never pass through the pattern converters, so the masking happens where the JSON is made.
 * Registered in {@code META-INF/spring.factories}, so every service and every structured format gets it without a
 * setting that could be left out.
 */
public class MaskingJsonMembers implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(Members<Object> members) {
        members.applyingValueProcessor(ValueProcessor.of(String.class, PersonalNumbers::mask));
    }
}
