package dev.localgpt.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads and checks {@code server.cors_origins} and {@code server.allowed_hosts}. */
final class ServerLists {
  private static final Pattern ORIGIN =
      Pattern.compile("https?://(\\[[0-9a-f:.]+]|[a-z0-9.-]+)(:[0-9]{1,5})?");
  private static final Pattern HOST = Pattern.compile("\\[[0-9a-f:.]+]|[a-z0-9_.-]+");

  private ServerLists() {}

  /** Exact browser origins, lower case, without a trailing slash. */
  static List<String> origins(ValueReader in, String key) {
    List<String> origins = new ArrayList<>();
    for (String raw : in.strings(key, List.of())) {
      String origin = raw.strip().toLowerCase(Locale.ROOT);
      if (origin.endsWith("/")) {
        origin = origin.substring(0, origin.length() - 1);
      }
      if (!ORIGIN.matcher(origin).matches()) {
        in.problem(
            key,
            "'" + raw + "' is not an origin",
            "write scheme://host[:port] without a path, e.g. \"https://notes.example.com\"");
        continue;
      }
      origins.add(origin);
    }
    return origins;
  }

  /** Bare host names or addresses, lower case. */
  static List<String> hosts(ValueReader in, String key) {
    List<String> hosts = new ArrayList<>();
    for (String raw : in.strings(key, List.of())) {
      String host = raw.strip().toLowerCase(Locale.ROOT);
      if (!HOST.matcher(host).matches()) {
        in.problem(
            key,
            "'" + raw + "' is not a host name",
            "write the bare name or address without scheme or port, e.g. \"mybox.lan\"");
        continue;
      }
      hosts.add(host);
    }
    return hosts;
  }
}
