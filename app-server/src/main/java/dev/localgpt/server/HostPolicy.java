package dev.localgpt.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.Status;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Against DNS rebinding: a web page on a foreign domain that the attacker re-points at this machine
 * reaches the server with its own domain in {@code Host} (and, for a GET, often without an {@code
 * Origin}). So a request is served only when the name part of {@code Host} (case-insensitive, port
 * ignored) is {@code localhost} or a {@code *.localhost} name, an IP address literal (a browser
 * sends one only when it connected to that address itself, so no foreign domain is involved), the
 * bind address, or one of {@code server.allowed_hosts}. A request without {@code Host} (HTTP/1.0
 * tools) passes: browsers always send it.
 */
final class HostPolicy {
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+(%[^\\]]*)?]");

  private final Set<String> allowed;

  /**
   * @param bind the bind address (as configured)
   * @param allowedHosts further host names, from {@code server.allowed_hosts}
   */
  HostPolicy(String bind, List<String> allowedHosts) {
    String bound = bind.toLowerCase(Locale.ROOT);
    if (bound.contains(":") && !bound.startsWith("[")) {
      bound = "[" + bound + "]";
    }
    this.allowed =
        Set.copyOf(
            Stream.concat(
                    Stream.of(bound), allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)))
                .toList());
  }

  /**
   * @throws ApiException 421 {@code host_not_allowed} naming the host and the fix
   */
  void check(Headers headers) {
    Optional<String> host = headers.first(HeaderNames.HOST);
    if (host.isPresent() && !allowed(host.get())) {
      throw new ApiException(
          Status.MISDIRECTED_REQUEST_421,
          "host_not_allowed",
          "this server does not answer to "
              + "the host '"
              + nameOf(host.get())
              + "' (a protection against DNS rebinding): use localhost or "
              + "127.0.0.1, or add it to server.allowed_hosts");
    }
  }

  boolean allowed(String hostHeader) {
    String name = nameOf(hostHeader);
    return name.equals("localhost")
        || name.endsWith(".localhost")
        || IPV4.matcher(name).matches()
        || IPV6.matcher(name).matches()
        || allowed.contains(name);
  }

  /** The name part of a Host header value: lower case, without the port and a trailing dot. */
  static String nameOf(String hostHeader) {
    String host = hostHeader.strip().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      host = end < 0 ? host : host.substring(0, end + 1);
    } else {
      int colon = host.indexOf(':');
      host = colon < 0 ? host : host.substring(0, colon);
    }
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }
}
