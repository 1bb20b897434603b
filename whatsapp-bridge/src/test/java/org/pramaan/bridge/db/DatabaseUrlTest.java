package org.pramaan.bridge.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void acceptsThePlatformForm() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://bridge:p%40ss@db.local:6543/pramaan?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:6543/pramaan?sslmode=require");
        assertThat(url.user()).isEqualTo("bridge");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.withSchema("bridge")).endsWith("?sslmode=require&currentSchema=bridge");
        assertThat(DatabaseUrl.parse("postgresql://h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
    }

    @Test
    void acceptsJdbcAsIs() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h:5432/db").withSchema("bridge"))
                .isEqualTo("jdbc:postgresql://h:5432/db?currentSchema=bridge");
    }

    @Test
    void refusesOthersWithoutLeakingThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:secret@h/db")).hasMessageNotContaining("secret")
                .hasMessageContaining("postgres://");
        assertThatThrownBy(() -> DatabaseUrl.parse(" ")).hasMessageContaining("empty");
    }
}
