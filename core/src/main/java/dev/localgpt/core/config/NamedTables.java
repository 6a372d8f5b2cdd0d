package dev.localgpt.core.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The entries of an array of tables whose items are named ({@code [[mcp.servers]]}, {@code
 * [[server.users]]}): each needs a {@code name} of letters, digits, '_' or '-' and only known keys.
 */
final class NamedTables {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  private final ValueReader in;
  private final String key;
  private final String kind;
  private final Set<String> fields;

  /**
   * @param key the array's config key, e.g. {@code mcp.servers}
   * @param kind what one entry is called in messages, e.g. {@code server}
   * @param fields the keys an entry may have
   */
  NamedTables(ValueReader in, String key, String kind, Set<String> fields) {
    this.in = in;
    this.key = key;
    this.kind = kind;
    this.fields = fields;
  }

  /**
   * The name of the {@code index}-th entry (1-based), after reporting any unknown key in it; empty,
   * with the problem reported, when the name is missing or malformed.
   *
   * @param example a valid name for the fix, e.g. {@code files}
   */
  Optional<String> name(Map<?, ?> table, int index, String example) {
    Object rawName = table.get("name");
    if (!(rawName instanceof String name) || !NAME.matcher(name).matches()) {
      in.problem(
          key,
          kind
              + " #"
              + index
              + " needs a 'name' of letters, digits, '_' or '-' (at most 32), was "
              + (rawName == null ? "missing" : "'" + rawName + "'"),
          "write e.g. name = \"" + example + "\"");
      return Optional.empty();
    }
    table.keySet().stream()
        .map(String::valueOf)
        .filter(k -> !fields.contains(k))
        .forEach(
            k ->
                in.problem(
                    key,
                    kind + " '" + name + "': unknown key '" + k + "'",
                    "use only " + String.join(", ", fields.stream().sorted().toList())));
    return Optional.of(name);
  }
}
