package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import dev.localgpt.app.wiring.ChatModelSource;
import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.HashingEmbedder;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI's commands come from the wiring's graph: a fake port bound by one override reaches the command. */
class PortOverrideTest {
  @TempDir Path home;

  @Test
  void aFakeChatModelAndEmbedderBoundByOverrideAnswerAsk() {
    ChatCli cli = new ChatCli(home, "");
    ScriptedChatModel model = ScriptedChatModel.replying(Reply.text("The fake model answers."));
    HashingEmbedder embedder = new HashingEmbedder();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine(new CliContext(cli.env(), new PrintWriter(out, true), new PrintWriter(err, true)),
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(ChatModelSource.class).toInstance(ChatModelSource.fixed(model));
            bind(new TypeLiteral<Optional<Embedder>>() { }).toInstance(Optional.of(embedder));
          }
        });
    int code = Main.execute(cl, "ask", "who", "answers?");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("The fake model answers.");
    assertThat(model.requests()).hasSize(1);
    assertThat(embedder.calls()).as("the indexer embedded the workspace with the fake").isPositive();
  }
}
