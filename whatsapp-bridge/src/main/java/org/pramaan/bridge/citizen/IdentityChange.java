package org.pramaan.bridge.citizen;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * WhatsApp's system message that a user's identity changed: a new phone number ({@code user_changed_number},
 * formerly {@code customer_changed_number}, new number in {@code wa_id}, formerly {@code new_wa_id}) or a new
 * business-scoped user id only ({@code user_changed_user_id}).
 *
 * @param newPhone  the new number, or null when only the user id changed
 * @param newUserId the new business-scoped user id, when given
 */
public record IdentityChange(String newPhone, String newUserId) {

    /** The change a system message announces, or empty for other system messages. */
    public static Optional<IdentityChange> from(JsonNode system) {
        String type = text(system, "type");
        String userId = text(system, "user_id");
        if ("user_changed_number".equals(type) || "customer_changed_number".equals(type)) {
            String phone = text(system, "wa_id") != null ? text(system, "wa_id") : text(system, "new_wa_id");
            return phone == null || !phone.matches("[0-9]{6,15}") ? Optional.empty()
                    : Optional.of(new IdentityChange(phone, userId));
        }
        if ("user_changed_user_id".equals(type) && userId != null && !userId.isBlank()) {
            return Optional.of(new IdentityChange(null, userId));
        }
        return Optional.empty();
    }

    /** The citizen id after the change for a citizen keyed on {@code current}: phone first, as everywhere. */
    public String newId(Citizen current) {
        if (newPhone != null) {
            return newPhone;
        }
        return current.phone() != null ? current.id() : newUserId;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asString();
    }
}
