package dev.localgpt.core.config;

import dev.localgpt.core.workspace.LocalGptHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks {@code [[server.users]]}: names, tokens (whole-value {@code ${VAR}} expanded),
 * workspaces and the workspaces each may read; every problem names the user and the fix.
 */
final class UsersBinder {
  private static final String KEY = "server.users";
  private static final Set<String> FIELDS = Set.of("name", "token", "workspace", "read_workspaces");

  private final ValueReader in;
  private final LocalGptHome home;
  private final Map<String, String> env;

  UsersBinder(ValueReader in, LocalGptHome home, Map<String, String> env) {
    this.in = in;
    this.home = home;
    this.env = env;
  }

  /**
   * @param ownerToken {@code server.auth_token}, which no user may share
   * @param memory the owner's memory settings: her workspace and storage, which no user may share
   */
  List<ServerUser> bind(Optional<String> ownerToken, MemoryConfig memory) {
    Optional<List<Map<?, ?>>> tables = in.tables(KEY);
    if (tables.isEmpty()) {
      return List.of();
    }
    List<ServerUser> users = new ArrayList<>();
    int index = 0;
    for (Map<?, ?> table : tables.get()) {
      index++;
      user(table, index).ifPresent(users::add);
    }
    checkUnique(users, ownerToken, memory);
    checkReadable(users, memory.storage());
    return users;
  }

  private Optional<ServerUser> user(Map<?, ?> table, int index) {
    Optional<String> named = new NamedTables(in, KEY, "user", FIELDS).name(table, index, "alice");
    if (named.isEmpty()) {
      return Optional.empty();
    }
    String name = named.get();
    String where = "user '" + name + "'";
    Object rawToken = table.get("token");
    Optional<String> token =
        rawToken instanceof String s
            ? EnvExpansion.expand(s, env).map(String::strip).filter(t -> !t.isEmpty())
            : Optional.empty();
    if (token.isEmpty()) {
      String variable =
          rawToken instanceof String s ? EnvExpansion.referencedVariable(s).orElse("") : "";
      problem(
          where
              + (variable.isEmpty()
                  ? ": 'token' is missing or blank"
                  : ": 'token' refers to " + variable + ", which is not set"),
          "write token = \"${"
              + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_')
              + "_TOKEN}\" and set that variable to a long random secret");
      return Optional.empty();
    }
    Object rawWorkspace = table.get("workspace");
    Path workspace = home.root().resolve("users").resolve(name).resolve("workspace");
    if (rawWorkspace instanceof String s && !s.isBlank()) {
      workspace = home.root().resolve(LocalGptHome.expandTilde(s, env)).normalize();
    } else if (rawWorkspace != null) {
      problem(where + ": 'workspace' must be a folder path", "write e.g. workspace = \"~/notes\"");
    }
    Object rawRead = table.get("read_workspaces");
    List<String> read = List.of();
    if (rawRead instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      read = list.stream().map(String.class::cast).toList();
    } else if (rawRead != null) {
      problem(
          where + ": 'read_workspaces' must be a list of names",
          "write e.g. read_workspaces = [\"family\"]");
    }
    return Optional.of(new ServerUser(name, token.get(), workspace, read));
  }

  private void checkUnique(
      List<ServerUser> users, Optional<String> ownerToken, MemoryConfig memory) {
    Set<String> names = new HashSet<>();
    Set<Path> workspaces = new HashSet<>();
    workspaces.add(memory.workspace().toAbsolutePath().normalize());
    List<byte[]> tokens = new ArrayList<>();
    ownerToken.ifPresent(t -> tokens.add(t.getBytes(StandardCharsets.UTF_8)));
    for (ServerUser user : users) {
      String where = "user '" + user.name() + "'";
      if (!names.add(user.name())) {
        problem(
            "two users are named '" + user.name() + "'", "give each [[server.users]] its own name");
        continue;
      }
      if (memory.storage().postgres() && user.name().equals(memory.storage().workspaceId())) {
        problem(
            where + ": the name is this server's own workspace id (memory.postgres.workspace)",
            "rename the user or set memory.postgres.workspace to another id");
      }
      if (!workspaces.add(user.workspace().toAbsolutePath().normalize())) {
        problem(
            where
                + ": workspace "
                + user.workspace()
                + " is already another user's (or memory.workspace)",
            "give each user her own folder (default <home>/users/<name>/workspace)");
      }
      byte[] token = user.token().getBytes(StandardCharsets.UTF_8);
      if (tokens.stream().anyMatch(t -> MessageDigest.isEqual(t, token))) {
        problem(
            where + ": the token is also another user's (or server.auth_token)",
            "give each user her own token: it is what tells the users apart");
      }
      tokens.add(token);
    }
  }

  private void checkReadable(List<ServerUser> users, MemoryStorage storage) {
    Set<String> names = new HashSet<>();
    users.forEach(u -> names.add(u.name()));
    for (ServerUser user : users) {
      for (String other : user.readWorkspaces()) {
        String where = "user '" + user.name() + "'";
        if (other.equals(user.name())) {
          problem(where + ": read_workspaces names herself", "list only other workspaces");
        } else if (!storage.postgres() && !names.contains(other)) {
          problem(
              where + ": read_workspaces names '" + other + "', which is no [[server.users]] name",
              "list other users' names (with memory.backend = \"postgres\" any workspace id)");
        } else if (!Pattern.matches("[A-Za-z0-9._-]{1,64}", other)) {
          problem(
              where + ": read_workspaces names '" + other + "', which is not a workspace id",
              "use 1-64 letters, digits, '.', '_' or '-'");
        }
      }
    }
  }

  private void problem(String problem, String fix) {
    in.problem(KEY, problem, fix);
  }
}
