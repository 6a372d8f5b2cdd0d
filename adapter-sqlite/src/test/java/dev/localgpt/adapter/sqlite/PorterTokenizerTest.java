package dev.localgpt.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PorterTokenizerTest {
  /** Words that exercise each Porter step, the fold and the Unicode tables. */
  private static final List<String> EDGE_CASES =
      List.of(
          "caresses ponies ties caress cats feed agreed plastered bled motoring sing",
          "conflated troubled sized hopping tanned falling hissing fizzed failing filing",
          "happy sky relational conditional rational valenci hesitanci digitizer",
          "conformabli radicalli differentli vileli analogousli vietnamization predication",
          "operator feudalism decisiveness hopefulness callousness formaliti sensitiviti",
          "sensibiliti triplicate formative formalize electriciti electrical hopeful goodness",
          "revival allowance inference airliner gyroscopic adjustable defensible irritant",
          "replacement adjustment dependent adoption homologou communism activate angulariti",
          "homologous effective bowdlerize probate rate cease controll roll ies sses yes y eed",
          "ÉCOLE naïve café Ørsted İstanbul ǖ ά x\u0301y \u0301x MÜNCHEN straße ﬁne ½ ² 🙂x",
          "don't it's 3.5-fold IL-6 p53 αβ-T β-cell Δ9 µg 10⁻³ ＡＢＣ 中文字 한국어 ا لعربية",
          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaing aed yed");

  @Test
  void tokenizesTheSciFactVocabularyExactlyAsFts5() throws Exception {
    List<String> docs = new ArrayList<>(words());
    docs.addAll(EDGE_CASES);
    assertThat(docs).hasSizeGreaterThan(4000);
    Map<Integer, List<String>> fts5 = fts5Tokens(docs);
    PorterTokenizer tokenizer = new PorterTokenizer();
    Map<Integer, List<String>> java = new LinkedHashMap<>();
    for (int i = 0; i < docs.size(); i++) {
      List<String> terms = new ArrayList<>();
      tokenizer.tokenize(docs.get(i), (b, n) -> terms.add(PorterTokenizer.text(b, n)));
      if (!terms.isEmpty()) {
        java.put(i, terms);
      }
    }
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      if (!java.getOrDefault(i, List.of()).equals(fts5.getOrDefault(i, List.of()))) {
        differences.add(docs.get(i) + ": java " + java.get(i) + ", fts5 " + fts5.get(i));
      }
    }
    assertThat(differences).isEmpty();
  }

  @Test
  void stemsAsPorterDescribes() {
    assertThat(terms("Caresses ponies running hopping generalizations"))
        .containsExactly("caress", "poni", "run", "hop", "gener");
  }

  @Test
  void dropsDiacriticsButKeepsLettersWithoutADecomposition() {
    // ø has no decomposition; "rst" has no vowel, so "-ed" stays (as in FTS5)
    assertThat(terms("Café naïve Ørsted")).containsExactly("cafe", "naiv", "ørsted");
  }

  private static List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    new PorterTokenizer().tokenize(text, (b, n) -> out.add(PorterTokenizer.text(b, n)));
    return out;
  }

  static List<String> words() throws IOException {
    try (InputStream in = PorterTokenizerTest.class.getResourceAsStream("scifact-words.txt")) {
      return Stream.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
          .filter(s -> !s.isEmpty())
          .toList();
    }
  }

  /** Each document's terms as FTS5 itself indexes them (fts5vocab), by document number. */
  static Map<Integer, List<String>> fts5Tokens(List<String> docs) throws SQLException {
    Map<Integer, List<String>> out = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement s = c.createStatement()) {
      s.execute("create virtual table t using fts5(x, tokenize='porter unicode61')");
      s.execute("create virtual table v using fts5vocab(t, 'instance')");
      try (PreparedStatement p = c.prepareStatement("insert into t(rowid, x) values (?, ?)")) {
        for (int i = 0; i < docs.size(); i++) {
          p.setInt(1, i);
          p.setString(2, docs.get(i));
          p.executeUpdate();
        }
      }
      try (ResultSet rs = s.executeQuery("select doc, term from v order by doc, offset")) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    }
    return out;
  }
}
