package dev.localgpt.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and checks {@code [[mcp.servers]]}; every problem names the server and the fix. */
final class McpBinder {
  private static final String KEY = "mcp.servers";
  private static final Set<String> FIELDS =
      Set.of("name", "transport", "command", "args", "env", "url", "enabled", "timeout");

  private final ValueReader in;
  private final Map<String, String> env;

  McpBinder(ValueReader in, Map<String, String> env) {
    this.in = in;
    this.env = env;
  }

  McpConfig bind() {
    Optional<List<Map<?, ?>>> tables = in.tables(KEY);
    if (tables.isEmpty()) {
      return McpConfig.NONE;
    }
    List<McpConfig.Server> servers = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int index = 0;
    for (Map<?, ?> table : tables.get()) {
      index++;
      server(table, index)
          .ifPresent(
              server -> {
                if (!names.add(server.name())) {
                  problem(
                      "two servers are named '" + server.name() + "'",
                      "give each [[mcp.servers]] a unique name");
                } else {
                  servers.add(server);
                }
              });
    }
    return new McpConfig(servers);
  }

  private Optional<McpConfig.Server> server(Map<?, ?> table, int index) {
    Optional<String> named = new NamedTables(in, KEY, "server", FIELDS).name(table, index, "files");
    if (named.isEmpty()) {
      return Optional.empty();
    }
    String name = named.get();
    String where = "server '" + name + "'";
    Object rawTransport = table.get("transport");
    String transport =
        rawTransport == null
            ? (table.containsKey("url") && !table.containsKey("command") ? "http" : "stdio")
            : String.valueOf(rawTransport);
    if (!McpConfig.TRANSPORTS.contains(transport)) {
      problem(
          where + ": unknown transport '" + transport + "'",
          "use transport = \"stdio\" (a program) or " + "\"http\" (a streamable HTTP endpoint)");
      return Optional.empty();
    }
    String command = string(table, "command", where);
    String url = string(table, "url", where);
    if (transport.equals("stdio") && command.isBlank()) {
      problem(
          where + ": a stdio server needs a 'command'",
          "write e.g. command = \"npx\" and args = [...]");
      return Optional.empty();
    }
    if (transport.equals("http") && !(url.startsWith("http://") || url.startsWith("https://"))) {
      problem(
          where
              + ": an http server needs a 'url' starting with http:// or https://, was '"
              + url
              + "'",
          "write e.g. url = \"http://127.0.0.1:8080/mcp\"");
      return Optional.empty();
    }
    Object enabled = table.get("enabled");
    if (enabled != null && !(enabled instanceof Boolean)) {
      problem(
          where + ": 'enabled' must be true or false, was " + ValueReader.describe(enabled), "");
    }
    return Optional.of(
        new McpConfig.Server(
            name,
            transport,
            command,
            strings(table, "args", where),
            environment(table, where),
            url,
            !Boolean.FALSE.equals(enabled),
            timeout(table, where)));
  }

  private String string(Map<?, ?> table, String field, String where) {
    Object value = table.get(field);
    if (value == null) {
      return "";
    }
    if (!(value instanceof String s)) {
      problem(where + ": '" + field + "' must be a string, was " + ValueReader.describe(value), "");
      return "";
    }
    return s;
  }

  private List<String> strings(Map<?, ?> table, String field, String where) {
    Object value = table.get(field);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
      problem(
          where + ": '" + field + "' must be a list of strings",
          "write e.g. args = [\"-y\", \"server\"]");
      return List.of();
    }
    return list.stream().map(String.class::cast).toList();
  }

  private Map<String, String> environment(Map<?, ?> table, String where) {
    Object value = table.get("env");
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)
        || !map.values().stream().allMatch(String.class::isInstance)) {
      problem(
          where + ": 'env' must be a table of strings",
          "write e.g. env = { API_TOKEN = \"${API_TOKEN}\" }");
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> out.put(String.valueOf(k), EnvExpansion.expand((String) v, env).orElse("")));
    return out;
  }

  private Duration timeout(Map<?, ?> table, String where) {
    Object value = table.get("timeout");
    if (value == null) {
      return McpConfig.DEFAULT_TIMEOUT;
    }
    try {
      Duration timeout =
          value instanceof Long seconds
              ? Duration.ofSeconds(seconds)
              : Durations.parse(String.valueOf(value));
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("must be > 0");
      }
      return timeout;
    } catch (IllegalArgumentException e) {
      problem(
          where + ": bad 'timeout' " + value + " (" + e.getMessage() + ")",
          "write e.g. timeout = \"30s\"");
      return McpConfig.DEFAULT_TIMEOUT;
    }
  }

  private void problem(String problem, String fix) {
    in.problem(KEY, problem, fix);
  }
}
