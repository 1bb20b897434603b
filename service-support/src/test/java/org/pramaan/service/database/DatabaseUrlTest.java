package org.pramaan.service.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The cases issuer-service, verifier-app and whatsapp-bridge each tested for their own copy. */
class DatabaseUrlTest {

    @Test
    void aPlatformUrlBecomesJdbcWithItsCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://pramaan:s%40cret@db.internal:6543/issuer?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/issuer?sslmode=require");
        assertThat(url.user()).isEqualTo("pramaan");
        assertThat(url.password()).isEqualTo("s@cret");
        assertThat(url.toString()).doesNotContain("cret");
    }

    @Test
    void thePortDefaultsAndAUserWithoutPasswordIsKept() {
        assertThat(DatabaseUrl.parse("postgresql://h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u@h/db");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
        assertThat(url.user()).isEqualTo("u");
        assertThat(url.password()).isNull();
    }

    @Test
    void aJdbcUrlIsTakenAsItIs() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://localhost/x").jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/x");
        DatabaseUrl url = DatabaseUrl.parse("  jdbc:postgresql://localhost/x?user=a ");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/x?user=a");
        assertThat(url.user()).isNull();
        assertThat(url.password()).isNull();
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/db?user=a&password=hunter2&ssl=true").toString())
                .doesNotContain("hunter2").contains("ssl=true");
    }

    @Test
    void theSchemaJoinsTheParameters() {
        assertThat(DatabaseUrl.parse("postgres://bridge:p%40ss@db.local:6543/pramaan?sslmode=require")
                .withSchema("bridge")).endsWith("?sslmode=require&currentSchema=bridge");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h:5432/db").withSchema("bridge"))
                .isEqualTo("jdbc:postgresql://h:5432/db?currentSchema=bridge");
    }

    @Test
    void anythingElseIsRefusedWithoutShowingThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@h/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DATABASE_URL").hasMessageContaining("postgres://")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:hunter2@h/a b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2").hasNoCause();
    }

    @Test
    void anEmptyOrIncompleteUrlIsRefused() {
        assertThatThrownBy(() -> DatabaseUrl.parse(" ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> DatabaseUrl.parse(null)).hasMessageContaining("empty");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:p@h:5432/"))
                .hasMessageContaining("database name");
    }
}
