package org.pramaan.verifier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void aPlatformUrlBecomesJdbcWithItsCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://pramaan:s%40cret@db.internal:6543/verifier?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/verifier?sslmode=require");
        assertThat(url.user()).isEqualTo("pramaan");
        assertThat(url.password()).isEqualTo("s@cret");
        assertThat(url.toString()).doesNotContain("s@cret");
    }

    @Test
    void aJdbcUrlIsTakenAsItIsAndThePortDefaults() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://localhost/x").jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/x");
        assertThat(DatabaseUrl.parse("postgresql://u@h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
    }

    @Test
    void anythingElseIsRefusedWithoutShowingThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@h/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgres://")
                .hasMessageNotContaining("hunter2");
    }
}
