package dev.localgpt.cli;

import com.google.inject.AbstractModule;
import dev.localgpt.cli.commands.AskCommand;
import dev.localgpt.cli.repl.TerminalFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import picocli.CommandLine;

/**
 * A test home with a config file, and runs of {@code ask}, {@code chat} (over a DumbTerminal) and
 * others.
 */
final class ChatCli {
  private final Path home;

  ChatCli(Path home, String configToml) {
    this.home = home;
    try {
      Files.createDirectories(home);
      Files.writeString(home.resolve("config.toml"), configToml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path workspace() {
    return home.resolve("workspace");
  }

  /**
   * No keys, and an Ollama host where nothing listens, so detection finds nothing without waiting.
   */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("LOCALGPT_HOME", home.toString());
    env.put("HOME", home.resolve("user").toString());
    env.put("OLLAMA_HOST", "127.0.0.1:1");
    return env;
  }

  CliRun ask(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl =
        Main.commandLine(
            new CliContext(env(), new PrintWriter(out, true), new PrintWriter(err, true)));
    ((AskCommand) cl.getSubcommands().get("ask").getCommand())
        .stdin(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    String[] all = new String[args.length + 1];
    all[0] = "ask";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = Main.execute(cl, all);
    return new CliRun(code, out.toString(), err.toString());
  }

  /**
   * Runs {@code chat} with {@code input} typed at a dumb terminal; {@code out} is what the terminal
   * showed.
   */
  CliRun chat(String input, String... args) {
    return chat(input, new ByteArrayOutputStream(), terminal -> {}, args);
  }

  /**
   * Like {@link #chat(String, String...)}, drawing on {@code screen} as it goes and handing the
   * terminal to {@code onTerminal} once it exists (so a test can raise signals on it).
   */
  CliRun chat(
      String input, ByteArrayOutputStream screen, Consumer<Terminal> onTerminal, String... args) {
    StringWriter err = new StringWriter();
    TerminalFactory terminals =
        () -> {
          Terminal terminal =
              new DumbTerminal(
                  "test",
                  "dumb",
                  new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                  screen,
                  StandardCharsets.UTF_8);
          onTerminal.accept(terminal);
          return terminal;
        };
    CommandLine cl =
        Main.commandLine(
            new CliContext(
                env(), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)),
            new AbstractModule() {
              @Override
              protected void configure() {
                bind(TerminalFactory.class).toInstance(terminals);
              }
            });
    String[] all = new String[args.length + 1];
    all[0] = "chat";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = Main.execute(cl, all);
    return new CliRun(code, screen.toString(StandardCharsets.UTF_8), err.toString());
  }

  /**
   * Asks for a long story (the fake provider must stream it slowly), presses Ctrl-C once the first
   * words are on the screen, then asks for {@code /status} and quits; returns the run and what the
   * terminal showed.
   */
  CancelledChat interruptALongReply(String... args) throws InterruptedException {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    AtomicReference<Terminal> terminal = new AtomicReference<>();
    AtomicReference<CliRun> run = new AtomicReference<>();
    Thread chat =
        new Thread(
            () ->
                run.set(
                    chat("tell me a long story\n/status\n/quit\n", screen, terminal::set, args)));
    chat.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!screen.toString(StandardCharsets.UTF_8).contains("tick tick")
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    terminal.get().raise(Terminal.Signal.INT);
    chat.join(TimeUnit.SECONDS.toMillis(20));
    return new CancelledChat(run.get(), screen.toString(StandardCharsets.UTF_8));
  }

  /** The run of {@link #interruptALongReply} (null if it never ended) and the screen. */
  record CancelledChat(CliRun run, String screen) {}

  CliRun run(String... args) {
    return CliRun.run(env(), args);
  }
}
