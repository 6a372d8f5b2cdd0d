package dev.localgpt.server;

import static dev.localgpt.server.ChatApiTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A server with three users (alice and bob read the shared "family" workspace) and an owner, over
 * real HTTP: what each may see. Used on SQLite and on PostgreSQL.
 */
final class UserIsolation {
  static final String USERS =
      """
      [server]
      auth_token = "owner-token-0123456789"

      [[server.users]]
      name = "alice"
      token = "alice-token-0123456789"
      read_workspaces = ["family"]

      [[server.users]]
      name = "bob"
      token = "bob-token-0123456789"
      read_workspaces = ["family"]

      [[server.users]]
      name = "family"
      token = "family-token-0123456789"
      """;

  private UserIsolation() {}

  /** Starts the server on {@code home} with {@link #USERS} after {@code memoryConfig}. */
  static ServerFixture start(Path home, String memoryConfig) {
    return ServerFixture.startWithConfig(
        home,
        ScriptedChatModel.replying(
            Reply.text("Noted."), Reply.text("Noted."), Reply.text("Noted.")),
        "[memory]\n" + memoryConfig + USERS,
        ServerFixture.UNLIMITED);
  }

  static Http as(ServerFixture server, String user) {
    return new Http(server.server.port()).token(user + "-token-0123456789");
  }

  /** Writes each user's private note and the family note, and indexes them as each user. */
  static void writeAndIndex(Path home, ServerFixture server) {
    write(
        home, "alice", "memory/alice.md", "# Alice\n\nThe salamander key is under the red pot.\n");
    write(home, "bob", "memory/bob.md", "# Bob\n\nThe salamander lives in the blue tank.\n");
    write(home, "family", "knowledge/pets.md", "# Pets\n\nFeed the salamander on Sundays.\n");
    for (String user : List.of("family", "alice", "bob")) {
      HttpResponse<String> reindex = as(server, user).post("/api/memory/reindex", "{}");
      assertThat(reindex.statusCode()).as(reindex.body()).isEqualTo(200);
    }
  }

  private static void write(Path home, String user, String path, String text) {
    Path file = home.resolve("users").resolve(user).resolve("workspace").resolve(path);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The contents of the hits of {@code query} for {@code user}. */
  static List<String> search(ServerFixture server, String user, String query) throws Exception {
    HttpResponse<String> found =
        as(server, user).get("/api/memory/search?q=" + query + "&limit=20");
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    List<String> contents = new ArrayList<>();
    json(found).get("results").forEach(hit -> contents.add(hit.get("content").asText()));
    return contents;
  }

  /** Each user's search sees her own note and the family note, never the other's. */
  static void assertSearchesStayApart(ServerFixture server) throws Exception {
    assertThat(String.join("\n", search(server, "alice", "salamander")))
        .contains("red pot", "Sundays")
        .doesNotContain("blue tank");
    assertThat(String.join("\n", search(server, "bob", "salamander")))
        .contains("blue tank", "Sundays")
        .doesNotContain("red pot");
    assertThat(String.join("\n", search(server, "family", "salamander")))
        .contains("Sundays")
        .doesNotContain("red pot", "blue tank");
    Http owner = new Http(server.server.port()).token("owner-token-0123456789");
    assertThat(owner.get("/api/memory/search?q=salamander").body())
        .doesNotContain("red pot", "blue tank", "Sundays");
  }

  /** Bob gets 404 for alice's session (as for one that does not exist) and never lists it. */
  static void assertSessionsStayApart(ServerFixture server) throws Exception {
    Http alice = as(server, "alice");
    Http bob = as(server, "bob");
    String id = json(alice.post("/api/sessions", "")).get("session_id").asText();
    HttpResponse<String> chat =
        alice.post("/api/chat", "{\"message\":\"alice's plan\",\"session_id\":\"" + id + "\"}");
    assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
    assertThat(alice.get("/api/sessions/" + id).statusCode()).isEqualTo(200);

    assertThat(bob.get("/api/sessions/" + id).statusCode()).isEqualTo(404);
    assertThat(bob.get("/api/sessions/" + id + "/messages").statusCode()).isEqualTo(404);
    assertThat(bob.delete("/api/sessions/" + id).statusCode()).isEqualTo(404);
    // as for any unknown id, bob's chat starts a new session of his own
    HttpResponse<String> other =
        bob.post("/api/chat", "{\"message\":\"bob was here\",\"session_id\":\"" + id + "\"}");
    assertThat(json(other).get("session_id").asText()).isNotEqualTo(id);
    assertThat(alice.get("/api/sessions/" + id + "/messages").body())
        .contains("alice's plan")
        .doesNotContain("bob was here");
    assertThat(bob.get("/api/sessions").body()).doesNotContain(id);
    assertThat(alice.get("/api/sessions").body()).contains(id);
    assertThat(alice.get("/api/sessions/" + id).statusCode()).isEqualTo(200);
  }

  /** The MCP route's memory_search runs on the caller's memory too. */
  static void assertMcpSearchStaysApart(ServerFixture server) {
    String call =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
            + "\"memory_search\",\"arguments\":{\"query\":\"salamander\"}}}";
    Http bob = as(server, "bob");
    HttpResponse<String> found =
        bob.send(
            bob.request("/mcp")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(call))
                .build());
    assertThat(found.body()).contains("blue tank").doesNotContain("red pot");
  }

  /** A wrong token and no token are 401, also for the web socket's routes' HTTP siblings. */
  static void assertStrangersAreRefused(ServerFixture server) {
    Http stranger = new Http(server.server.port()).token("nobody-token");
    HttpResponse<String> wrong = stranger.get("/api/memory/search?q=salamander");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("unauthorized").doesNotContain("red pot");
    assertThat(new Http(server.server.port()).get("/api/sessions").statusCode()).isEqualTo(401);
    assertThat(stranger.post("/v1/chat/completions", "{}").statusCode()).isEqualTo(401);
  }
}
