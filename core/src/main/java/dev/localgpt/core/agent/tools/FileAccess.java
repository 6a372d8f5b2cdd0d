package dev.localgpt.core.agent.tools;

import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.core.workspace.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * File helpers shared by the file tools: confinement via {@link PathGuard}, size checks, atomic
 * writes.
 */
final class FileAccess {
  static final long MAX_READ_BYTES = 10L * 1024 * 1024;

  /** Files the agent must not write (the workspace policy). */
  static final Set<String> PROTECTED = Set.of("LocalGPT.md");

  private final PathGuard guard;

  FileAccess(PathGuard guard) {
    this.guard = guard;
  }

  PathGuard guard() {
    return guard;
  }

  Path resolve(String path) {
    return guard.resolve(path);
  }

  String readText(String path) {
    Path file = resolve(path);
    if (!Files.exists(file)) {
      throw new ToolException("file not found: " + path);
    }
    if (Files.isDirectory(file)) {
      throw new ToolException(path + " is a directory, not a file");
    }
    try {
      if (Files.size(file) > MAX_READ_BYTES) {
        throw new ToolException(
            path + " is larger than 10 MB; read it with bash (head/sed) instead");
      }
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ToolException("cannot read " + path + ": " + e.getMessage());
    }
  }

  /** Writes via a temp file and an atomic move, so a crash never leaves half a file. */
  void writeText(String path, String content) {
    Path file = resolve(path);
    if (PROTECTED.contains(file.getFileName().toString())) {
      throw new ToolException(path + " is protected and cannot be written by the agent");
    }
    if (Files.isDirectory(file)) {
      throw new ToolException(path + " is a directory, not a file");
    }
    try {
      PrivateFiles.replace(file, content);
    } catch (UncheckedIOException e) {
      throw new ToolException("cannot write " + path + ": " + e.getCause().getMessage());
    }
  }
}
