package dev.localgpt.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.llm.ScriptedChatModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNS rebinding: only requests whose {@code Host} names this machine (or an allowed host) are
 * served.
 */
class HostCheckTest {
  @TempDir Path home;

  @Test
  void aRebindingHostIsRefusedWithoutAnOriginHeader() {
    try (ServerFixture server = ServerFixture.start(home, ScriptedChatModel.replying())) {
      int port = server.server.port();
      for (String path : List.of("/api/memory/search?q=secret", "/api/sessions", "/health", "/")) {
        String answer = get(port, "attacker.example:" + port, path);
        assertThat(answer).as(path).startsWith("HTTP/1.1 421");
        assertThat(answer)
            .contains("\"code\":\"host_not_allowed\"")
            .contains("attacker.example")
            .contains("add it to server.allowed_hosts");
      }
      assertThat(get(port, "127.0.0.1.attacker.example", "/api/sessions"))
          .startsWith("HTTP/1.1 421");
      assertThat(get(port, "localhost.attacker.example:" + port, "/api/sessions"))
          .startsWith("HTTP/1.1 421");
    }
  }

  @Test
  void loopbackNamesAndAddressesAreServedWhateverTheirCaseOrPort() {
    try (ServerFixture server = ServerFixture.start(home, ScriptedChatModel.replying())) {
      int port = server.server.port();
      for (String host :
          List.of(
              "localhost:" + port,
              "LocalHost",
              "127.0.0.1:" + port,
              "[::1]:" + port,
              "chat.localhost:" + port,
              "localhost.")) {
        assertThat(get(port, host, "/api/memory/stats")).as(host).startsWith("HTTP/1.1 200");
      }
    }
  }

  @Test
  void hostsFromServerAllowedHostsAreServed() {
    try (ServerFixture server =
        ServerFixture.start(
            home,
            ScriptedChatModel.replying(),
            "[server]\nallowed_hosts = [\"MyBox.lan\"]\n",
            ServerFixture.UNLIMITED)) {
      int port = server.server.port();
      assertThat(get(port, "mybox.lan:" + port, "/api/memory/stats")).startsWith("HTTP/1.1 200");
      assertThat(get(port, "otherbox.lan:" + port, "/api/memory/stats")).startsWith("HTTP/1.1 421");
    }
  }

  @Test
  void aWebSocketUpgradeFromARebindingHostIsRefused() {
    try (ServerFixture server = ServerFixture.start(home, ScriptedChatModel.replying())) {
      int port = server.server.port();
      assertThat(upgrade(port, "attacker.example:" + port)).doesNotStartWith("HTTP/1.1 101");
      assertThat(upgrade(port, "localhost:" + port)).startsWith("HTTP/1.1 101");
    }
  }

  @Test
  void theBindAddressAndIpLiteralsAreAllowed() {
    HostPolicy policy = new HostPolicy("mybox.example", List.of());
    assertThat(policy.allowed("MYBOX.example:31327")).isTrue();
    assertThat(policy.allowed("192.168.1.20:31327")).isTrue();
    assertThat(policy.allowed("[fe80::1]:31327")).isTrue();
    assertThat(policy.allowed("evil.example")).isFalse();
    assertThat(new HostPolicy("::1", List.of()).allowed("[::1]")).isTrue();
    assertThat(HostPolicy.nameOf("[::1]:8080")).isEqualTo("[::1]");
  }

  /** A raw HTTP/1.1 GET with the given Host header (java.net.http does not let tests set it). */
  static String get(int port, String host, String path) {
    return exchange(port, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
  }

  /**
   * The head of the answer to a WebSocket upgrade of {@code /api/ws} with the given Host header.
   */
  static String upgrade(int port, String host) {
    return exchange(
        port,
        "GET /api/ws HTTP/1.1\r\nHost: "
            + host
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade"
            + "\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
  }

  private static String exchange(int port, String request) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          return head.toString();
        }
        head.append((char) b);
      }
      String lower = head.toString().toLowerCase(Locale.ROOT);
      int at = lower.indexOf("content-length:");
      if (at < 0) {
        return head.toString();
      }
      int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).strip());
      return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
