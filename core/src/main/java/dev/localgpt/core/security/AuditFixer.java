package dev.localgpt.core.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** {@code security audit --fix}: the safe fixes only, making files 600 and folders 700. */
public final class AuditFixer {
  private AuditFixer() {}

  /** Applies the permission fixes of these findings; one line per change (or failure). */
  public static List<String> apply(List<AuditFinding> findings) {
    List<String> done = new ArrayList<>();
    for (AuditFinding f : findings) {
      if (f.chmod().isEmpty()) {
        continue;
      }
      Path p = f.chmod().get();
      boolean dir = Files.isDirectory(p);
      String mode = dir ? "rwx------" : "rw-------";
      try {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        done.add("chmod " + (dir ? "700 " : "600 ") + p);
      } catch (IOException | UnsupportedOperationException e) {
        done.add("could not chmod " + p + ": " + e.getMessage());
      }
    }
    return done;
  }
}
