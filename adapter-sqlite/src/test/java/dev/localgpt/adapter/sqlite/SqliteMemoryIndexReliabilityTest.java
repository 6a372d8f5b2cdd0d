package dev.localgpt.adapter.sqlite;

import static dev.localgpt.adapter.sqlite.Fixtures.axis;
import static dev.localgpt.adapter.sqlite.Fixtures.chunk;
import static dev.localgpt.adapter.sqlite.Fixtures.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.ports.memory.IndexException;
import dev.localgpt.ports.memory.NewChunk;
import dev.localgpt.ports.memory.SearchScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMemoryIndexReliabilityTest {
  @TempDir Path dir;

  Path db() {
    return dir.resolve("memory.sqlite");
  }

  @Test
  void openingAGarbageFileFailsAsCorrupt() throws Exception {
    byte[] garbage = new byte[8192];
    new Random(1).nextBytes(garbage);
    Files.write(db(), garbage);

    assertThatThrownBy(() -> SqliteMemoryIndex.open(db(), SqliteOptions.javaKnn()))
        .isInstanceOfSatisfying(
            IndexException.class, e -> assertThat(e.kind()).isEqualTo(IndexException.Kind.CORRUPT))
        .hasMessageContaining("rebuilt");
  }

  @Test
  void openingATextFileFailsAsCorrupt() throws Exception {
    Files.writeString(db(), "# this is Markdown, not a database\n".repeat(200));

    assertThatThrownBy(() -> SqliteMemoryIndex.open(db(), SqliteOptions.javaKnn()))
        .isInstanceOfSatisfying(
            IndexException.class, e -> assertThat(e.kind()).isEqualTo(IndexException.Kind.CORRUPT));
    assertThat(Files.readString(db())).startsWith("# this is Markdown");
  }

  @Test
  void aDeletedCorruptFileIsRebuiltFromScratch() throws Exception {
    Files.writeString(db(), "garbage".repeat(1000));
    assertThatThrownBy(() -> SqliteMemoryIndex.open(db(), SqliteOptions.javaKnn()))
        .isInstanceOf(IndexException.class);
    Files.delete(db());

    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db(), SqliteOptions.javaKnn())) {
      assertThat(index.files()).isEmpty();
      assertThat(index.schemaVersion()).isEqualTo(Schema.latest());
    }
  }

  @Test
  void reopeningKeepsFilesChunksVectorsAndModel() {
    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db(), SqliteOptions.javaKnn())) {
      index.useEmbeddingModel("m", 4);
      index.replaceFile(file("a.md"), List.of(chunk(1, "persistent words", axis(4, 0, 1, 0f))));
    }
    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db(), SqliteOptions.javaKnn())) {
      assertThat(index.embeddingModel()).contains("m");
      assertThat(index.files()).extracting(f -> f.path()).containsExactly("a.md");
      assertThat(index.keywordSearch("persistent", 5, SearchScope.all())).hasSize(1);
      assertThat(index.vectorSearch(axis(4, 0, 1, 0f), 5, SearchScope.all()))
          .extracting(h -> h.chunk().text())
          .containsExactly("persistent words");
    }
  }

  @Test
  void migrationsAreIdempotent() throws Exception {
    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db(), SqliteOptions.javaKnn())) {
      index.replaceFile(file("a.md"), List.of(chunk(1, "kept")));
      assertThat(index.schemaVersion()).isEqualTo(Schema.latest());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db())) {
      assertThat(Schema.migrate(c)).isEqualTo(Schema.latest());
      assertThat(Schema.migrate(c)).isEqualTo(Schema.latest());
      assertThat(Schema.version(c)).isEqualTo(Schema.latest());
    }
    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db(), SqliteOptions.javaKnn())) {
      assertThat(index.keywordSearch("kept", 5, SearchScope.all())).hasSize(1);
    }
  }

  @Test
  void aSchemaFromANewerBuildIsReportedAsCorrupt() throws Exception {
    SqliteMemoryIndex.open(db(), SqliteOptions.javaKnn()).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db())) {
      Meta.put(c, Schema.VERSION_KEY, Integer.toString(Schema.latest() + 1));
    }

    assertThatThrownBy(() -> SqliteMemoryIndex.open(db(), SqliteOptions.javaKnn()))
        .isInstanceOfSatisfying(
            IndexException.class, e -> assertThat(e.kind()).isEqualTo(IndexException.Kind.CORRUPT))
        .hasMessageContaining("newer");
  }

  @Test
  void aFailureInsideReplaceFileLeavesTheOldState() {
    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db(), SqliteOptions.javaKnn())) {
      index.useEmbeddingModel("m", 4);
      index.replaceFile(file("a.md"), List.of(chunk(1, "old text", axis(4, 0, 1, 0f))));
      index.vectorSearch(axis(4, 0, 1, 0f), 1, SearchScope.all()); // loads the Java matrix
      index.beforeCommit(
          () -> {
            throw new IllegalStateException("simulated crash");
          });

      assertThatThrownBy(
              () ->
                  index.replaceFile(file("a.md"), List.of(chunk(1, "new text", axis(4, 2, 1, 0f)))))
          .hasMessageContaining("simulated crash");

      index.beforeCommit(() -> {});
      assertThat(index.keywordSearch("old", 5, SearchScope.all())).hasSize(1);
      assertThat(index.keywordSearch("new", 5, SearchScope.all())).isEmpty();
      assertThat(index.vectorSearch(axis(4, 2, 1, 0f), 5, SearchScope.all()))
          .extracting(h -> h.chunk().text())
          .containsExactly("old text");
      assertThat(index.file("a.md")).contains(file("a.md"));
    }
  }

  @Test
  void aProcessKilledDuringWriteLeavesTheOldState() throws Exception {
    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db(), SqliteOptions.javaKnn())) {
      index.replaceFile(file("a.md"), List.of(chunk(1, "committed before the kill")));
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                KillDuringWrite.class.getName(),
                db().toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isEqualTo(42);

    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db(), SqliteOptions.javaKnn())) {
      assertThat(index.keywordSearch("committed", 5, SearchScope.all())).hasSize(1);
      assertThat(index.keywordSearch("never", 5, SearchScope.all())).isEmpty();
      assertThat(index.stats().chunks()).isEqualTo(1);
    }
  }

  @Test
  void aWriteLockHeldByAnotherConnectionIsReportedAsBusy() throws Exception {
    SqliteOptions fastFail = new SqliteOptions(Optional.empty(), Duration.ofMillis(50), 1);
    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db(), fastFail);
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement s = other.createStatement()) {
      s.execute("begin exclusive");

      assertThatThrownBy(() -> index.replaceFile(file("a.md"), List.of(chunk(1, "x"))))
          .isInstanceOfSatisfying(
              IndexException.class, e -> assertThat(e.kind()).isEqualTo(IndexException.Kind.BUSY));
      s.execute("rollback");
      index.replaceFile(file("a.md"), List.of(chunk(1, "x")));
      assertThat(index.files()).hasSize(1);
    }
  }

  @Test
  void searchesRunWhileAnotherThreadWrites() throws Exception {
    int files = 60;
    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db(), SqliteOptions.javaKnn())) {
      index.useEmbeddingModel("m", 16);
      Random random = new Random(3);
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicInteger searches = new AtomicInteger();
      CountDownLatch started = new CountDownLatch(1);
      Thread writer =
          new Thread(
              () -> {
                try {
                  started.countDown();
                  for (int f = 0; f < files; f++) {
                    List<NewChunk> chunks = new ArrayList<>();
                    for (int c = 0; c < 5; c++) {
                      chunks.add(
                          chunk(
                              c * 3 + 1,
                              "common word file" + f + " part" + c,
                              Fixtures.randomUnit(random, 16)));
                    }
                    index.replaceFile(file("f" + f + ".md"), chunks);
                  }
                } catch (Throwable t) {
                  failures.add(t);
                } finally {
                  writing.set(false);
                }
              });
      Thread reader =
          new Thread(
              () -> {
                Random r = new Random(4);
                try {
                  started.await();
                  while (writing.get() || searches.get() < 20) {
                    int hits = index.keywordSearch("common", 1000, SearchScope.all()).size();
                    if (hits % 5 != 0) {
                      throw new AssertionError("saw a half-written file: " + hits + " chunks");
                    }
                    index.vectorSearch(Fixtures.randomUnit(r, 16), 10, SearchScope.all());
                    index.stats();
                    searches.incrementAndGet();
                  }
                } catch (Throwable t) {
                  failures.add(t);
                }
              });
      writer.start();
      reader.start();
      writer.join(60_000);
      reader.join(60_000);

      assertThat(failures).isEmpty();
      assertThat(searches.get()).isGreaterThanOrEqualTo(20);
      assertThat(index.stats().chunks()).isEqualTo(files * 5);
      assertThat(index.keywordSearch("common", 1000, SearchScope.all())).hasSize(files * 5);
      assertThat(index.vectorSearch(Fixtures.randomUnit(random, 16), 1000, SearchScope.all()))
          .hasSize(files * 5);
    }
  }
}
