package dev.localgpt.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresOptionsTest {
  @Test
  void acceptsJdbcAndLibpqStyleUrls() {
    assertThat(new PostgresOptions("jdbc:postgresql://db:5432/lg", "u", "", 4).url())
        .isEqualTo("jdbc:postgresql://db:5432/lg");
    assertThat(new PostgresOptions("postgresql://db/lg", "u", "", 4).url())
        .isEqualTo("jdbc:postgresql://db/lg");
    assertThat(new PostgresOptions("postgres://db/lg", "u", "", 4).url())
        .isEqualTo("jdbc:postgresql://db/lg");
  }

  @Test
  void rejectsOtherUrlsCredentialsInTheUrlAndEmptyPools() {
    assertThatThrownBy(() -> new PostgresOptions("mysql://db/lg", "u", "", 4))
        .hasMessageContaining("jdbc:postgresql://HOST:PORT/DATABASE");
    assertThatThrownBy(() -> new PostgresOptions("postgres://me:secret@db/lg", "u", "", 4))
        .hasMessageContaining("user and password")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> new PostgresOptions("postgres://db/lg", "u", "", 0))
        .hasMessageContaining("pool_size");
  }

  @Test
  void neverPrintsThePassword() {
    assertThat(new PostgresOptions("postgres://db/lg", "u", "hunter2", 4).toString())
        .doesNotContain("hunter2");
  }
}
