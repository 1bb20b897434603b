package org.pramaan.issuer.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void herokuStyleUrlsBecomeJdbcWithCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://pramaan:s%40cret@db.internal:6543/issuer?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/issuer?sslmode=require");
        assertThat(url.user()).isEqualTo("pramaan");
        assertThat(url.password()).isEqualTo("s@cret");
        assertThat(url.toString()).doesNotContain("cret");
    }

    @Test
    void jdbcUrlsPassThroughAndOthersAreRefusedWithoutShowingThePassword() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://localhost/x?user=a").jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost/x?user=a");
        assertThat(DatabaseUrl.parse("postgresql://h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:topsecret@h/db"))
                .hasMessageNotContaining("topsecret").hasMessageContaining("DATABASE_URL");
    }
}
