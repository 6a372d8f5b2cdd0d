package dev.localgpt.adapter.providers.llamacpp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * Gives llama.cpp's JNI loader a directory of this process's own. The loader extracts its shared
 * libraries to fixed file names under {@code java.io.tmpdir}; a second process (a daemon and an
 * {@code ask}, two test forks) rewriting the same file while the first has it mapped kills the
 * first with SIGBUS.
 */
final class PrivateNativeDir {
  static final String PROPERTY = "de.kherud.llama.tmpdir";

  private PrivateNativeDir() {}

  /** Sets {@value #PROPERTY} to a fresh temp directory unless the user already chose one. */
  static synchronized void ensure() {
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    try {
      Path dir = Files.createTempDirectory("localgpt-llama-");
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> deleteQuietly(dir), "localgpt-llama-cleanup"));
      System.setProperty(PROPERTY, dir.toString());
    } catch (IOException e) {
      // keep the library's default location: it works whenever only one process loads it at a time
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // a leftover temp directory is harmless
    }
  }
}
