package dev.localgpt.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One {@code [[server.users]]} entry: a person the server serves with her own workspace, index and
 * sessions, selected by her bearer token.
 *
 * @param name letters, digits, {@code _} or {@code -} (at most 32); her folder under {@code
 *     <home>/users/} and, with {@code memory.backend = "postgres"}, her workspace id
 * @param token her bearer token ({@code ${VAR}} expanded); never printed
 * @param workspace her Markdown workspace (default {@code <home>/users/<name>/workspace})
 * @param readWorkspaces other workspaces whose notes her searches also return, read-only: other
 *     users' names (and, on PostgreSQL, any workspace id)
 */
public record ServerUser(String name, String token, Path workspace, List<String> readWorkspaces) {
  public ServerUser {
    ConfigChecks.notBlank("server.users.name", name);
    ConfigChecks.notBlank("server.users.token", token);
    Objects.requireNonNull(workspace, "'server.users.workspace' must not be null");
    readWorkspaces =
        List.copyOf(
            Objects.requireNonNull(
                readWorkspaces, "'server.users.read_workspaces' must not be null"));
  }

  @Override
  public String toString() {
    return "ServerUser[name="
        + name
        + ", token=***, workspace="
        + workspace
        + ", readWorkspaces="
        + readWorkspaces
        + "]";
  }
}
