package dev.localgpt.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server the wiring builds (the daemon's) reports the heartbeat at the Rust LocalGPT's path.
 */
class HeartbeatRouteTest {
  @TempDir Path home;

  @Test
  void theWiredServerServesHeartbeatStatusWithoutCallingTheModel() throws Exception {
    ScriptedChatModel model = ScriptedChatModel.replying(Reply.text("unused"));
    try (ServerFixture server = ServerFixture.start(home, model)) {
      HttpResponse<String> res = server.http.get("/api/heartbeat/status");
      assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
      JsonNode status = HttpJson.MAPPER.readTree(res.body());
      assertThat(status.get("enabled").asBoolean()).isTrue();
      assertThat(status.get("interval").asText()).isEqualTo("30m");
      assertThat(model.requests()).isEmpty();
    }
  }
}
