package dev.localgpt.core.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the memory index lives: {@code [memory] backend} and {@code [memory.postgres]}.
 *
 * @param backend {@code sqlite} (default: one file under the home), {@code postgres}; the Rust
 *     LocalGPT's {@code markdown} and {@code none} are accepted and mean {@code sqlite}
 * @param url {@code memory.postgres.url}, a {@code jdbc:postgresql://} or {@code postgresql://}
 *     URL; empty for sqlite
 * @param user {@code memory.postgres.user}, default {@code $PGUSER}, else {@code postgres}
 * @param password {@code memory.postgres.password} ({@code ${PGPASSWORD}} style references
 *     expanded), else {@code $PGPASSWORD}; empty for none
 * @param poolSize {@code memory.postgres.pool_size}, connections per process, default 8
 * @param workspaceId {@code memory.postgres.workspace}, the id this process's rows carry, default
 *     {@code default}
 */
public record MemoryStorage(
    String backend,
    String url,
    String user,
    Optional<String> password,
    int poolSize,
    String workspaceId) {
  /** Values of {@code memory.backend}. */
  public static final List<String> BACKENDS = List.of("sqlite", "postgres", "markdown", "none");

  public static final MemoryStorage SQLITE =
      new MemoryStorage("sqlite", "", "postgres", Optional.empty(), 8, "default");

  public MemoryStorage {
    if (!BACKENDS.contains(backend)) {
      throw new IllegalArgumentException(
          "'memory.backend' must be one of " + BACKENDS + ", was " + backend);
    }
    Objects.requireNonNull(url, "'memory.postgres.url' must not be null");
    Objects.requireNonNull(user, "'memory.postgres.user' must not be null");
    Objects.requireNonNull(password, "'memory.postgres.password' must not be null");
    ConfigChecks.positive("memory.postgres.pool_size", poolSize);
    ConfigChecks.notBlank("memory.postgres.workspace", workspaceId);
    if (backend.equals("postgres")) {
      ConfigChecks.notBlank("memory.postgres.url", url);
    }
  }

  /** Whether the index is on PostgreSQL. */
  public boolean postgres() {
    return backend.equals("postgres");
  }

  @Override
  public String toString() {
    return "MemoryStorage[backend="
        + backend
        + ", url="
        + url
        + ", user="
        + user
        + ", password="
        + (password.isPresent() ? "***" : "none")
        + ", poolSize="
        + poolSize
        + ", workspaceId="
        + workspaceId
        + "]";
  }
}
