package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.embedding.HashingEmbedder;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's commands come from the wiring's graph: a fake port bound by one override reaches the
 * command.
 */
class PortOverrideTest {
  @TempDir Path home;

  @Test
  void aFakeChatModelAndEmbedderBoundByOverrideAnswerAsk() {
    ChatCli cli = new ChatCli(home, "");
    ScriptedChatModel model = ScriptedChatModel.replying(Reply.text("The fake model answers."));
    HashingEmbedder embedder = new HashingEmbedder();
    CliRun run = CliFakes.run(cli.env(), CliFakes.ports(model, embedder), "ask", "who", "answers?");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("The fake model answers.");
    assertThat(model.requests()).hasSize(1);
    assertThat(embedder.calls())
        .as("the indexer embedded the workspace with the fake")
        .isPositive();
  }
}
