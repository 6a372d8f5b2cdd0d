package dev.localgpt.core.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Markdown files a new workspace starts with (OpenClaw layout), read from this jar's resources.
 */
public final class WorkspaceTemplates {
  /** The seeded files, in the order they are created. */
  public static final List<String> FILES =
      List.of(
          "AGENTS.md",
          "SOUL.md",
          "USER.md",
          "IDENTITY.md",
          "TOOLS.md",
          "MEMORY.md",
          "HEARTBEAT.md");

  /** The seeded directories. */
  public static final List<String> DIRECTORIES = List.of("memory", "knowledge", "skills");

  private WorkspaceTemplates() {}

  /** The template text of one of {@link #FILES}. */
  public static String text(String name) {
    if (!FILES.contains(name)) {
      throw new IllegalArgumentException("no template named '" + name + "'; known: " + FILES);
    }
    try (InputStream in = WorkspaceTemplates.class.getResourceAsStream("templates/" + name)) {
      if (in == null) {
        throw new IllegalStateException("template " + name + " is missing from the core jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
