package dev.localgpt.server;

import static dev.localgpt.server.ChatApiTest.assertError;
import static dev.localgpt.server.ChatApiTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localgpt.ports.llm.ScriptedChatModel;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryApiTest {
  @TempDir Path home;

  @Test
  void reindexThenSearchAndStats() throws Exception {
    try (ServerFixture server = ServerFixture.start(home, ScriptedChatModel.replying())) {
      Files.writeString(
          server.workspace().root().resolve("MEMORY.md"),
          "# Memory\n\nThe zanzibar key hangs by the door.\n");
      JsonNode report = json(server.http.post("/api/memory/reindex", "{\"force\":true}"));
      assertThat(report.get("files_processed").asInt()).isPositive();
      assertThat(report.get("files_updated").asInt()).isPositive();
      assertThat(report.get("chunks_indexed").asInt()).isPositive();
      assertThat(report.has("duration_ms")).isTrue();

      JsonNode found = json(server.http.get("/api/memory/search?q=zanzibar&limit=3&explain=true"));
      assertThat(found.get("query").asText()).isEqualTo("zanzibar");
      JsonNode hit = found.get("results").get(0);
      assertThat(hit.get("file").asText()).isEqualTo("MEMORY.md");
      assertThat(hit.get("line_start").asInt()).isPositive();
      assertThat(hit.get("line_end").asInt()).isGreaterThanOrEqualTo(hit.get("line_start").asInt());
      assertThat(hit.get("content").asText()).contains("zanzibar");
      assertThat(hit.get("score").isNumber()).isTrue();
      assertThat(hit.has("explain")).isTrue();

      JsonNode stats = json(server.http.get("/api/memory/stats"));
      assertThat(stats.get("workspace").asText()).isEqualTo(server.workspace().root().toString());
      assertThat(stats.get("total_files").asInt()).isPositive();
      assertThat(stats.get("total_chunks").asInt()).isPositive();
      assertThat(stats.has("index_size_kb")).isTrue();

      assertThat(json(server.http.post("/api/memory/reindex", "")).has("files_processed")).isTrue();
    }
  }

  @Test
  void badQueriesAreFourHundreds() throws Exception {
    try (ServerFixture server = ServerFixture.start(home, ScriptedChatModel.replying())) {
      Http http = server.http;
      assertError(http.get("/api/memory/search"), 400, "'q' is required");
      assertError(http.get("/api/memory/search?q=" + "a".repeat(1001)), 400, "at most 1000");
      String longUnicode = URLEncoder.encode("é".repeat(1000), StandardCharsets.UTF_8);
      assertThat(http.get("/api/memory/search?q=" + longUnicode).statusCode()).isEqualTo(200);
      assertError(
          http.get("/api/memory/search?q=x&limit=abc"), 400, "'limit' must be a whole number");
      assertError(http.get("/api/memory/search?q=x&limit=0"), 400, "'limit' must be 1..100");
      assertError(http.get("/api/memory/search?q=x&limit=101"), 400, "'limit' must be 1..100");
      assertError(
          http.get("/api/memory/search?q=x&explain=maybe"), 400, "'explain' must be true or false");
      assertError(
          http.post("/api/memory/reindex", "{\"force\":\"yes\"}"),
          400,
          "'force' must be true or false");
      assertError(http.post("/api/memory/search", "{}"), 405, "use GET");
      assertError(http.get("/api/memory/reindex"), 405, "use POST");
    }
  }
}
