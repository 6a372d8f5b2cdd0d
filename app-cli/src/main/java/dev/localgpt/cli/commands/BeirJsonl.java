package dev.localgpt.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localgpt.cli.CliException;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.core.memory.eval.BeirData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the JSONL files of a BEIR data set at the edge ({@code corpus.jsonl}: {@code _id, title,
 * text}; {@code queries.jsonl}: {@code _id, text}) and hands {@link BeirData} values to core. A
 * file that cannot be read or a line that is not JSON is a one-line error naming the file and line.
 */
final class BeirJsonl {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BeirJsonl() {}

  /** The whole data set; the qrels TSV is read by core. */
  static BeirData read(Path corpus, Path queries, Path qrels) {
    List<BeirData.Doc> docs = new ArrayList<>();
    eachObject(corpus, Integer.MAX_VALUE, n -> docs.add(doc(n)));
    Map<String, String> qs = new LinkedHashMap<>();
    eachObject(
        queries, Integer.MAX_VALUE, n -> qs.put(n.path("_id").asText(), n.path("text").asText("")));
    try {
      return new BeirData(docs, qs, BeirData.readQrels(qrels));
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), "check the --qrels file", ExitCodes.CONFIG);
    } catch (UncheckedIOException e) {
      throw new CliException(e.getMessage(), "check the --qrels path", ExitCodes.CONFIG);
    }
  }

  /**
   * The first {@code limit} documents of a corpus, each as its title and text on two lines (or just
   * the text).
   */
  static List<String> texts(Path corpus, int limit) {
    List<String> texts = new ArrayList<>();
    eachObject(
        corpus,
        limit,
        n -> {
          BeirData.Doc d = doc(n);
          texts.add(d.title().isEmpty() ? d.text() : d.title() + "\n" + d.text());
        });
    return texts;
  }

  /** The texts of a queries.jsonl, in file order. */
  static List<String> queryTexts(Path queries) {
    List<String> texts = new ArrayList<>();
    eachObject(
        queries,
        Integer.MAX_VALUE,
        n -> {
          String text = n.path("text").asText("").strip();
          if (!text.isEmpty()) {
            texts.add(text);
          }
        });
    if (texts.isEmpty()) {
      throw new CliException(
          queries + " holds no query text",
          "pass a BEIR queries.jsonl ({\"_id\", \"text\"} per line)",
          ExitCodes.CONFIG);
    }
    return texts;
  }

  private static BeirData.Doc doc(JsonNode n) {
    return new BeirData.Doc(
        n.path("_id").asText(), n.path("title").asText(""), n.path("text").asText(""));
  }

  private static void eachObject(Path file, int limit, Consumer<JsonNode> handler) {
    int read = 0;
    int number = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null && read < limit; line = in.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          handler.accept(JSON.readTree(line));
        } catch (JsonProcessingException e) {
          throw new CliException(
              "line " + number + " of " + file + " is not JSON: " + e.getOriginalMessage(),
              "give a BEIR JSONL file (one JSON object per line)",
              ExitCodes.CONFIG);
        }
        read++;
      }
    } catch (IOException e) {
      throw new CliException(
          "cannot read " + file + ": " + e.getMessage(), "check the path", ExitCodes.CONFIG);
    }
  }
}
