package dev.localgpt.core.memory.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A BEIR data set as values: the corpus, the queries ({@code id -> text}) and the graded judgements
 * ({@code query id -> document id -> relevance}). The JSONL files of the corpus and queries are
 * parsed at the edge; the qrels TSV is read here ({@link #readQrels}).
 *
 * @param corpus the documents, in file order
 * @param queries query texts by id, in file order
 * @param qrels judgements by query id, in file order
 */
public record BeirData(
    List<Doc> corpus, Map<String, String> queries, Map<String, Map<String, Integer>> qrels) {
  public BeirData {
    corpus = List.copyOf(corpus);
    queries = Collections.unmodifiableMap(new LinkedHashMap<>(queries));
    qrels = Collections.unmodifiableMap(new LinkedHashMap<>(qrels));
  }

  /** One document of the corpus: {@code _id}, {@code title} (may be empty) and {@code text}. */
  public record Doc(String id, String title, String text) {
    public Doc {
      Objects.requireNonNull(id, "'id' must not be null");
      Objects.requireNonNull(title, "'title' must not be null");
      Objects.requireNonNull(text, "'text' must not be null");
    }
  }

  /**
   * Reads a qrels TSV ({@code query-id<TAB>corpus-id<TAB>score}, an optional header line, blank
   * lines ignored).
   *
   * @throws IllegalArgumentException for a line whose score is not a number, naming the file and
   *     line
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Map<String, Map<String, Integer>> readQrels(Path file) {
    Map<String, Map<String, Integer>> judged = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        String[] f = line.split("\t");
        if (line.isBlank() || f.length < 3 || f[0].equals("query-id")) {
          continue;
        }
        try {
          judged
              .computeIfAbsent(f[0], q -> new HashMap<>())
              .put(f[1], Integer.parseInt(f[2].trim()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "bad qrels line "
                  + number
                  + " in "
                  + file
                  + ": '"
                  + line
                  + "' (expected query-id<TAB>corpus-id<TAB>score)");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return judged;
  }

  /**
   * Writes each document as {@code docs/d<n>.md} under {@code workspace} ({@code # title}, a blank
   * line, the text); returns index path to document id.
   */
  public static Map<String, String> writeMarkdown(List<Doc> docs, Path workspace) {
    Map<String, String> docOfPath = new HashMap<>();
    try {
      Files.createDirectories(workspace.resolve("docs"));
      int n = 0;
      for (Doc d : docs) {
        String path = "docs/d" + n++ + ".md";
        String body =
            d.title().isBlank()
                ? d.text() + "\n"
                : "# " + d.title().strip() + "\n\n" + d.text() + "\n";
        Files.writeString(workspace.resolve(path), body, StandardCharsets.UTF_8);
        docOfPath.put(path, d.id());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the benchmark workspace " + workspace + ": " + e.getMessage(), e);
    }
    return docOfPath;
  }
}
