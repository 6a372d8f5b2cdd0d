package dev.localgpt.core.security;

import dev.localgpt.core.skills.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The file checks of the audit: the home, workspace, config, index databases and session files must
 * not be readable by group or others; the workspace must not be a symlink leading outside the
 * user's home. Skipped on file systems without POSIX permissions.
 */
final class FileChecks {
  private static final Set<PosixFilePermission> OPEN =
      Set.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);
  private static final int MAX_FILES = 10_000;

  private FileChecks() {}

  static List<AuditFinding> run(AuditInput in) {
    List<AuditFinding> out = new ArrayList<>();
    Path workspace = in.config().memory().workspace();
    dir(in.homeRoot(), "the LocalGPT home", Severity.HIGH, out);
    dir(workspace, "the workspace", Severity.MEDIUM, out);
    file(in.configFile(), "config.toml", Severity.HIGH, out);
    files(in.homeRoot().resolve("data"), "an index database", out);
    files(in.homeRoot().resolve("sessions"), "a session file", out);
    symlink(workspace, in.userHome(), out);
    return out;
  }

  private static void dir(Path dir, String what, Severity severity, List<AuditFinding> out) {
    permissions(dir, what + " is accessible", "chmod 700 ", severity, out);
  }

  private static void file(Path file, String what, Severity severity, List<AuditFinding> out) {
    permissions(file, what + " is readable", "chmod 600 ", severity, out);
  }

  /** A finding when {@code path} is open to group or others; {@code chmod} is the fix's command. */
  private static void permissions(
      Path path, String problem, String chmod, Severity severity, List<AuditFinding> out) {
    open(path)
        .ifPresent(
            perms ->
                out.add(
                    new AuditFinding(
                        severity,
                        "permissions",
                        problem + " by group or others (" + perms + ")",
                        path.toString(),
                        chmod + path,
                        Optional.of(path))));
  }

  private static void files(Path dir, String what, List<AuditFinding> out) {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    dir(dir, "the folder of " + what.replaceFirst("^an? ", "") + "s", Severity.MEDIUM, out);
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.limit(MAX_FILES)
          .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .forEach(p -> file(p, what, Severity.MEDIUM, out));
    } catch (IOException | java.io.UncheckedIOException e) {
      out.add(
          AuditFinding.of(
              Severity.LOW,
              "permissions",
              "cannot list " + dir + " to check it",
              dir.toString(),
              "make it readable by you"));
    }
  }

  private static void symlink(Path workspace, Path userHome, List<AuditFinding> out) {
    if (!Files.isSymbolicLink(workspace)) {
      return;
    }
    try {
      Path real = workspace.toRealPath();
      Path home =
          Files.exists(userHome) ? userHome.toRealPath() : userHome.toAbsolutePath().normalize();
      if (!real.startsWith(home)) {
        out.add(
            AuditFinding.of(
                Severity.MEDIUM,
                "workspace-symlink",
                "the workspace is a symlink to " + real + ", outside your home",
                workspace.toString(),
                "point memory.workspace at a folder inside your home"));
      }
    } catch (IOException e) {
      out.add(
          AuditFinding.of(
              Severity.MEDIUM,
              "workspace-symlink",
              "the workspace is a broken symlink",
              workspace.toString(),
              "point memory.workspace at an existing folder"));
    }
  }

  /**
   * The permissions (of the target, for a symlink) as rwx text when group or others have any, else
   * empty (also when not POSIX or missing).
   */
  static Optional<String> open(Path path) {
    try {
      if (!Files.exists(path)) {
        return Optional.empty();
      }
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
      return perms.stream().anyMatch(OPEN::contains)
          ? Optional.of(java.nio.file.attribute.PosixFilePermissions.toString(perms))
          : Optional.empty();
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }
}
