package dev.localgpt.app.config;

import dev.localgpt.core.workspace.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writing config files: atomically (temp file + rename in the same directory), mode 0600 where
 * POSIX.
 */
public final class ConfigFiles {
  private ConfigFiles() {}

  /** Writes {@code text} to {@code file} atomically, readable by the owner only. */
  public static void writePrivate(Path file, String text) {
    PrivateFiles.replace(file, text);
  }

  /** The commented starter {@code config.toml} written by {@code config init}. */
  public static String template() {
    try (InputStream in = ConfigFiles.class.getResourceAsStream("config-template.toml")) {
      if (in == null) {
        throw new IllegalStateException("config-template.toml is missing from the application jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
