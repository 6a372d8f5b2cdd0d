package dev.localgpt.core.chat;

import dev.localgpt.core.skills.Skill;
import dev.localgpt.core.skills.SkillCommands;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.session.SessionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * LocalGPT's chat slash commands, parsed and run against a {@link ChatService}. {@link #handle}
 * turns every input line into a {@link CommandResult}; a line that is not a command becomes {@link
 * CommandResult.Send}. The app-wired parts ({@code /reindex}, {@code /model name}) go through the
 * optional {@link Reindexer} and {@link ModelResolver}; without them they come back as requests.
 */
public final class SlashCommands {
  /** Every built-in command name and alias; skills never take these. */
  public static final Set<String> BUILTINS =
      Set.of(
          "help",
          "h",
          "?",
          "quit",
          "exit",
          "q",
          "new",
          "sessions",
          "resume",
          "memory",
          "reindex",
          "status",
          "context",
          "model",
          "compact",
          "clear",
          "skills",
          "export",
          "mcp");

  static final int SESSIONS_SHOWN = 10;
  static final int MEMORY_HITS = 10;

  private final ChatService chat;
  private final ModelResolver models;
  private final Reindexer reindexer;

  /**
   * @param models resolves {@code /model name}, or null to return {@link CommandResult.SwitchModel}
   * @param reindexer runs {@code /reindex}, or null to return {@link CommandResult.Reindex}
   */
  public SlashCommands(ChatService chat, ModelResolver models, Reindexer reindexer) {
    this.chat = chat;
    this.models = models;
    this.reindexer = reindexer;
  }

  public static boolean isCommand(String line) {
    return line.strip().startsWith("/");
  }

  /** What the line asks for; never throws for user input. */
  public CommandResult handle(String line) {
    Optional<SlashCommandLine> command = SlashCommandLine.parse(line);
    if (command.isEmpty()) {
      return new CommandResult.Send(line, Optional.empty());
    }
    String name = command.get().name();
    String args = command.get().args();
    return switch (name) {
      case "help", "h", "?" -> reply(CommandTexts.help(chat.skills()));
      case "quit", "exit", "q" -> new CommandResult.Exit();
      case "new" -> newSession();
      case "sessions" ->
          reply(CommandTexts.sessions(chat.sessions(SESSIONS_SHOWN), chat.sessionId()));
      case "resume" -> resume(args);
      case "memory" ->
          args.isEmpty()
              ? reply("Usage: /memory <query>")
              : reply(CommandTexts.memory(args, chat.searchMemory(args, MEMORY_HITS)));
      case "reindex" ->
          reindexer == null ? new CommandResult.Reindex() : reply(reindexer.reindex());
      case "status" -> reply(chat.status().render());
      case "context" -> reply(chat.context().render());
      case "model" -> model(args);
      case "compact" -> reply(CommandTexts.compaction(chat.compact()));
      case "clear" ->
          reply("History cleared. New session " + SlashCommandLine.shortId(chat.clear()) + ".");
      case "skills" -> reply(CommandTexts.skills(chat.skills()));
      case "export" -> export(args);
      case "mcp" -> reply(McpTexts.servers(chat.mcpServers()));
      default -> skillOrUnknown(name, args);
    };
  }

  private CommandResult newSession() {
    ChatService.NewSession renewal = chat.newSession();
    return reply(
        renewal
                .savedTo()
                .map(p -> "Saved the conversation to " + p + ". ")
                .orElse("Nothing to save. ")
            + "New session "
            + SlashCommandLine.shortId(renewal.sessionId())
            + ".");
  }

  private CommandResult resume(String args) {
    if (args.isEmpty()) {
      return reply("Usage: /resume <id-prefix> (see /sessions)");
    }
    try {
      String id = chat.resume(args);
      return reply(
          "Resumed session "
              + id
              + " ("
              + chat.history().size()
              + " messages in context)."
              + chat.sessionWarning().map(w -> "\nWarning: " + w).orElse(""));
    } catch (SessionException e) {
      return reply(e.getMessage());
    }
  }

  private CommandResult model(String args) {
    if (args.isEmpty()) {
      return reply("Model: " + (chat.memoryOnly() ? "none (memory-only)" : chat.model().id()));
    }
    if (models == null) {
      return new CommandResult.SwitchModel(args);
    }
    try {
      Optional<ChatModel> model = models.resolve(args);
      if (model.isEmpty()) {
        return reply(
            "Unknown model '"
                + args
                + "': use provider/model, e.g. anthropic/claude-sonnet-4-5 or "
                + "ollama/llama3.2.");
      }
      chat.switchModel(model.get());
      return reply("Switched to " + model.get().id() + ".");
    } catch (IllegalArgumentException e) {
      return reply("Cannot use '" + args + "': " + e.getMessage());
    }
  }

  private CommandResult export(String args) {
    String markdown = chat.export();
    if (args.isEmpty()) {
      return reply(markdown);
    }
    Path file =
        Path.of(args.startsWith("~/") ? System.getProperty("user.home") + args.substring(1) : args);
    if (!file.isAbsolute()) {
      file = chat.workspaceBase().resolve(file);
    }
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(
          file,
          markdown,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      return reply("Exported the conversation to " + file + ".");
    } catch (FileAlreadyExistsException e) {
      return reply("Not exported: " + file + " already exists; choose another file name.");
    } catch (IOException | UncheckedIOException e) {
      return reply("Not exported: cannot write " + file + ": " + e.getMessage());
    }
  }

  private CommandResult skillOrUnknown(String name, String args) {
    Optional<Skill> skill = chat.skills().byCommand(name);
    if (skill.isPresent()) {
      return new CommandResult.Send(
          SkillCommands.invocation(skill.get(), args), Optional.of(skill.get().name()));
    }
    List<String> known = new ArrayList<>(BUILTINS);
    known.remove("?");
    known.addAll(chat.skills().commands());
    return new CommandResult.Unknown(name, NearestCommand.of(name, known));
  }

  private static CommandResult reply(String text) {
    return new CommandResult.Reply(text);
  }
}
