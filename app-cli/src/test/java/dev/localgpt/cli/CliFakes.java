package dev.localgpt.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import dev.localgpt.app.wiring.ChatModelSource;
import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.llm.ChatModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;

/** Runs the CLI in process with ports replaced by fakes through one override module. */
final class CliFakes {
  private CliFakes() {}

  /** Binds {@code model} as every chat model and {@code embedder} as the embedder. */
  static Module ports(ChatModel model, Embedder embedder) {
    return new AbstractModule() {
      @Override
      protected void configure() {
        bind(ChatModelSource.class).toInstance(ChatModelSource.fixed(model));
        bind(new TypeLiteral<Optional<Embedder>>() {}).toInstance(Optional.of(embedder));
      }
    };
  }

  static CliRun run(Map<String, String> env, Module overrides, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            Main.commandLine(
                new CliContext(env, new PrintWriter(out, true), new PrintWriter(err, true)),
                overrides),
            args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
