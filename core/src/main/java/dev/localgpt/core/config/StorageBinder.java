package dev.localgpt.core.config;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds {@code memory.backend} and {@code [memory.postgres]}, with {@code ${VAR}} expansion of the
 * password.
 */
final class StorageBinder {
  private static final Pattern WORKSPACE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private StorageBinder() {}

  static MemoryStorage bind(ValueReader in, Map<String, String> env) {
    String backend = in.choice("memory.backend", MemoryStorage.BACKENDS, "sqlite");
    String url = in.string("memory.postgres.url", "").strip();
    if (backend.equals("postgres") && url.isEmpty()) {
      in.problem(
          in.has("memory.postgres.url") ? "memory.postgres.url" : "memory.backend",
          "memory.backend = \"postgres\" needs memory.postgres.url",
          "add [memory.postgres] url = \"jdbc:postgresql://localhost:5432/localgpt\"");
      backend = "sqlite";
    } else if (!url.isEmpty()
        && !url.startsWith("jdbc:postgresql:")
        && !url.startsWith("postgresql://")
        && !url.startsWith("postgres://")) {
      in.problem(
          "memory.postgres.url",
          "must be a PostgreSQL URL, was '" + url + "'",
          "write e.g. \"jdbc:postgresql://localhost:5432/localgpt\"");
      backend = "sqlite";
    }
    String user =
        in.string("memory.postgres.user")
            .filter(v -> !v.isBlank())
            .orElse(
                Optional.ofNullable(env.get("PGUSER"))
                    .filter(v -> !v.isBlank())
                    .orElse("postgres"));
    Optional<String> password =
        in.string("memory.postgres.password")
            .flatMap(value -> EnvExpansion.expand(value, env))
            .or(() -> Optional.ofNullable(env.get("PGPASSWORD")))
            .filter(value -> !value.isEmpty());
    int pool = (int) in.integer("memory.postgres.pool_size", 8, 1, 1000);
    String workspace = in.string("memory.postgres.workspace", "default");
    if (!WORKSPACE_ID.matcher(workspace).matches()) {
      in.problem(
          "memory.postgres.workspace",
          "must be 1-64 letters, digits, '.', '_' or '-', was '" + workspace + "'",
          "use e.g. \"alice\"");
      workspace = "default";
    }
    return new MemoryStorage(backend, url, user, password, pool, workspace);
  }
}
