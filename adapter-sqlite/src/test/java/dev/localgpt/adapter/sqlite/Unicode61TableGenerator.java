package dev.localgpt.adapter.sqlite;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code unicode61.txt}, the character table of {@link Unicode61}, by asking SQLite's own
 * FTS5 {@code unicode61} tokenizer (remove_diacritics=1) how it treats every code point outside
 * ASCII: a separator, a token character (and what it folds to), or a diacritic that only continues
 * a token. Run it again when the sqlite-jdbc version changes:
 *
 * <pre>
 * java -cp sqlite-jdbc.jar Unicode61TableGenerator.java adapter-sqlite/src/main/resources/dev/localgpt/adapter/sqlite/unicode61.txt
 * </pre>
 */
public final class Unicode61TableGenerator {
  private Unicode61TableGenerator() {}

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        PrintWriter out =
            new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8))) {
      String version;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select sqlite_version()")) {
        rs.next();
        version = rs.getString(1);
      }
      Map<Integer, List<String>> inside = tokens(c, cp -> "x" + str(cp) + "x");
      Map<Integer, List<String>> leading = tokens(c, cp -> str(cp) + "x");
      Map<Integer, List<String>> alone = tokens(c, Unicode61TableGenerator::str);
      out.println("# FTS5 unicode61 (remove_diacritics=1) of SQLite " + version);
      out.println("# written by Unicode61TableGenerator (adapter-sqlite tests); do not edit");
      out.println(
          "# c FIRST LAST KIND: code points (hex) that are token characters outside ASCII;");
      out.println("#   KIND a = a token character, d = a diacritic that only continues a token");
      out.println("# f CP FOLD: what a token character folds to (hex; 0 = dropped)");
      List<String> folds = new ArrayList<>();
      int runStart = -1;
      char runKind = 0;
      for (int cp = 0x80; cp <= 0x110000; cp++) {
        char kind = 0;
        if (cp <= 0x10FFFF && !isSurrogate(cp)) {
          List<String> in = inside.get(cp);
          if (in.size() == 1) {
            String folded = in.get(0).substring(1, in.get(0).length() - 1);
            boolean startsToken =
                leading.get(cp).equals(List.of(folded + "x"))
                    && (!folded.isEmpty() || !alone.get(cp).isEmpty());
            kind = startsToken ? 'a' : 'd';
            int fold = folded.isEmpty() ? 0 : folded.codePointAt(0);
            if (folded.codePointCount(0, folded.length()) > 1) {
              throw new IllegalStateException("fold of " + Integer.toHexString(cp) + ": " + folded);
            }
            if (fold != cp) {
              folds.add("f " + Integer.toHexString(cp) + " " + Integer.toHexString(fold));
            }
          } else if (!in.equals(List.of("x", "x"))) {
            throw new IllegalStateException(
                "unexpected tokens of " + Integer.toHexString(cp) + ": " + in);
          }
        }
        if (kind != runKind) {
          if (runKind != 0) {
            out.println(
                "c "
                    + Integer.toHexString(runStart)
                    + " "
                    + Integer.toHexString(cp - 1)
                    + " "
                    + runKind);
          }
          runStart = cp;
          runKind = kind;
        }
      }
      folds.forEach(out::println);
    }
  }

  private static boolean isSurrogate(int cp) {
    return cp >= 0xD800 && cp <= 0xDFFF;
  }

  private static String str(int cp) {
    return new String(Character.toChars(cp));
  }

  /** The tokens FTS5 makes of {@code doc.apply(cp)}, for every code point from 0x80 up. */
  private static Map<Integer, List<String>> tokens(
      Connection c, java.util.function.IntFunction<String> doc) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("drop table if exists v");
      s.execute("drop table if exists t");
      s.execute("create virtual table t using fts5(x, tokenize='unicode61')");
      s.execute("create virtual table v using fts5vocab(t, 'instance')");
    }
    c.setAutoCommit(false);
    try (PreparedStatement p = c.prepareStatement("insert into t(rowid, x) values (?, ?)")) {
      for (int cp = 0x80; cp <= 0x10FFFF; cp++) {
        if (!isSurrogate(cp)) {
          p.setInt(1, cp);
          p.setString(2, doc.apply(cp));
          p.addBatch();
        }
        if (cp % 10_000 == 0) {
          p.executeBatch();
        }
      }
      p.executeBatch();
    }
    c.commit();
    c.setAutoCommit(true);
    Map<Integer, List<String>> byCp = new HashMap<>();
    for (int cp = 0x80; cp <= 0x10FFFF; cp++) {
      byCp.put(cp, new ArrayList<>());
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select doc, term from v order by doc, offset")) {
      while (rs.next()) {
        byCp.get(rs.getInt(1)).add(rs.getString(2));
      }
    }
    return byCp;
  }
}
