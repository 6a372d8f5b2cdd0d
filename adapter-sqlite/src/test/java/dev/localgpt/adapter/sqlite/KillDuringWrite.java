package dev.localgpt.adapter.sqlite;

import static dev.localgpt.adapter.sqlite.Fixtures.chunk;
import static dev.localgpt.adapter.sqlite.Fixtures.file;

import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM: starts replacing a file, then halts the JVM just before the commit (a
 * simulated kill -9).
 */
final class KillDuringWrite {
  private KillDuringWrite() {}

  public static void main(String[] args) {
    SqliteMemoryIndex index = SqliteMemoryIndex.open(Path.of(args[0]), SqliteOptions.javaKnn());
    index.beforeCommit(() -> Runtime.getRuntime().halt(42));
    index.replaceFile(
        file("a.md"),
        List.of(chunk(1, "new content that never commits"), chunk(4, "second new chunk")));
    Runtime.getRuntime().halt(0);
  }
}
