package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import dev.localgpt.core.config.ConfigException;
import dev.localgpt.core.config.ConfigProblem;
import dev.localgpt.core.memory.MemoryIndexes;
import dev.localgpt.core.workspace.PathEscapeException;
import dev.localgpt.ports.embedding.EmbeddingException;
import dev.localgpt.ports.embedding.HashingEmbedder;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.memory.IndexException;
import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.session.SessionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ErrorMapperTest {
  @TempDir Path home;

  @Test
  void everyPortExceptionGetsItsOwnMessageHintAndExitCode() {
    assertThat(
            ErrorMapper.map(
                new IndexException(IndexException.Kind.BUSY, "database is locked", null)))
        .isEqualTo(
            Failure.of(
                "memory index: database is locked",
                "another localgpt process is writing the index; try again in a moment",
                ExitCodes.GENERAL));
    assertThat(
            ErrorMapper.map(new IndexException(IndexException.Kind.CORRUPT, "malformed", null))
                .hint())
        .contains("memory reindex --force");
    assertThat(ErrorMapper.map(new EmbeddingException("cannot load model 'x'")))
        .isEqualTo(
            Failure.of(
                "embedding model: cannot load model 'x'",
                "check memory.embedding_model in config.toml,"
                    + " or set memory.embedding_provider = \"none\" for keyword-only search",
                ExitCodes.GENERAL));
    assertThat(ErrorMapper.map(new SessionException("no session 'abc'")))
        .isEqualTo(
            Failure.of(
                "no session 'abc'",
                "list sessions with 'localgpt sessions list'",
                ExitCodes.GENERAL));
    Failure model =
        ErrorMapper.map(
            new ModelException(ModelException.Kind.AUTH, "invalid x-api-key\nmore detail"));
    assertThat(model)
        .isEqualTo(
            Failure.of(
                "model provider failed (AUTH): invalid x-api-key",
                ErrorMapper.modelHint(ModelException.Kind.AUTH),
                ExitCodes.PROVIDER));
    Failure config =
        ErrorMapper.map(
            new ConfigException(
                new ConfigProblem(
                    "config.toml", 3, "server.port", "must be 1..65535, was 0", "use 31327")));
    assertThat(config.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(config.problem()).hasSize(2).first().isEqualTo("invalid configuration (1 problem):");
    assertThat(ErrorMapper.map(new CliException("bad", "do this", 7)))
        .isEqualTo(Failure.of("bad", "do this", 7));
    assertThat(ErrorMapper.map(new PathEscapeException("../x is outside the workspace")).exitCode())
        .isEqualTo(ExitCodes.GENERAL);
    assertThat(
            ErrorMapper.map(new UncheckedIOException("cannot read a", new IOException("x")))
                .problem())
        .containsExactly("cannot read a");
  }

  @Test
  void wrappedExceptionsAreFoundAndUnknownOnesAreBugs() {
    IndexException busy = new IndexException(IndexException.Kind.BUSY, "locked", null);
    ProvisionException guice =
        new ProvisionException(List.of(new Message(List.of(), "provision", busy)));
    CommandLine.ExecutionException picocli =
        new CommandLine.ExecutionException(
            new CommandLine(CommandLine.Model.CommandSpec.create()), "failed", guice);
    assertThat(ErrorMapper.map(picocli).problem().getFirst()).isEqualTo("memory index: locked");
    Failure bug = ErrorMapper.map(new IllegalStateException("boom"));
    assertThat(bug.problem()).containsExactly("IllegalStateException: boom");
    assertThat(bug.hint()).isEqualTo(ErrorMapper.BUG_HINT);
  }

  @Test
  void anIndexFailureDuringAskIsReportedAsSuchNotAsABug() {
    ChatCli cli = new ChatCli(home, "");
    MemoryIndexes busy =
        new MemoryIndexes() {
          @Override
          public MemoryIndex open() {
            throw new IndexException(IndexException.Kind.BUSY, "database is locked", null);
          }

          @Override
          public MemoryIndex recreate() {
            return open();
          }
        };
    CliRun run =
        CliFakes.run(
            cli.env(),
            com.google.inject.util.Modules.combine(
                CliFakes.ports(ScriptedChatModel.replying(), new HashingEmbedder()),
                new AbstractModule() {
                  @Override
                  protected void configure() {
                    bind(MemoryIndexes.class).toInstance(busy);
                  }
                }),
            "ask",
            "hello");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.GENERAL);
    assertThat(run.err())
        .isEqualTo(
            "error: memory index: database is locked\n"
                + "hint: another localgpt process is writing the index; try again in a moment\n");
  }
}
