package dev.localgpt.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Releasing the page caches of an idle process: answers unchanged, busy connections untouched. */
class DatabaseCachesTest {
  @Test
  void releasingTheCachesKeepsEveryAnswerAndDoesNotWaitForABusyReader(@TempDir Path dir)
      throws Exception {
    try (Database db = Database.open(dir.resolve("caches.sqlite"), 5000, null, 2)) {
      db.exclusive(
          () -> {
            try (Statement s = db.writer().createStatement()) {
              s.execute("create table t(x text)");
              s.execute(
                  "with recursive n(i) as (select 1 union all select i + 1 from n where i < 5000)"
                      + " insert into t select printf('row %d %s', i, hex(randomblob(64))) from n");
            }
            return null;
          });
      assertThat(count(db)).isEqualTo(5000);
      CountDownLatch borrowed = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Void> busy =
          CompletableFuture.runAsync(
              () ->
                  db.read(
                      "hold a reader",
                      c -> {
                        borrowed.countDown();
                        try {
                          release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        return null;
                      }));
      assertThat(borrowed.await(10, TimeUnit.SECONDS)).isTrue();

      Database.releaseAllCaches(); // returns although one reader is in use

      assertThat(count(db)).as("the idle reader answers after its cache was freed").isEqualTo(5000);
      release.countDown();
      busy.get(10, TimeUnit.SECONDS);
      assertThat(count(db)).isEqualTo(5000);
    }
    assertThatCode(Database::releaseAllCaches)
        .as("a closed database is left out")
        .doesNotThrowAnyException();
  }

  private static int count(Database db) {
    return db.read(
        "count",
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("select count(*) from t where x like 'row %'")) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }
}
