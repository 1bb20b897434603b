package org.pramaan.service.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A PostgreSQL address as given in {@code DATABASE_URL}, turned into what the JDBC driver takes:
 * either {@code postgres://user:pass@host:port/db} (the Heroku-style form many platforms hand out)
 * or a JDBC URL taken as it is, credentials in its parameters. The password never shows in
 * {@link #toString()} or in an error message, since both end up in logs.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&]password=)[^&]*");

    public static DatabaseUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL is empty");
        }
        String value = text.strip();
        if (value.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(value, null, null);
        }
        if (!value.startsWith("postgres://") && !value.startsWith("postgresql://")) {
            throw new IllegalArgumentException("DATABASE_URL must start with postgres://, postgresql:// or"
                    + " jdbc:postgresql:, got '" + value.replaceAll("//[^@/]*@", "//***@") + "'");
        }
        URI uri = uri(value);
        if (uri.getHost() == null || uri.getRawPath() == null || uri.getRawPath().length() < 2) {
            throw new IllegalArgumentException("DATABASE_URL needs a host and a database name");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new DatabaseUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query,
                user, password);
    }

    /** The same address with the search path set to {@code schema}, for SQL that does not name its schema. */
    public String withSchema(String schema) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static URI uri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            // Neither the reason nor the message chain may carry the text: it holds the password.
            throw new IllegalArgumentException("DATABASE_URL is not a valid URL: " + e.getReason()
                    + " at index " + e.getIndex());
        }
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    /** The address for a log line: a JDBC URL may carry the password as a parameter. */
    @Override
    public String toString() {
        return "DatabaseUrl[" + PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1***") + ", user=" + user + "]";
    }
}
