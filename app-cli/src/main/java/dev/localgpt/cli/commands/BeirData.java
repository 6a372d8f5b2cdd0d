package dev.localgpt.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localgpt.cli.CliException;
import dev.localgpt.cli.ExitCodes;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A BEIR data set: {@code corpus.jsonl} ({@code _id, title, text}), {@code queries.jsonl}, and a qrels TSV. */
record BeirData(List<Doc> corpus, Map<String, String> queries, Map<String, Map<String, Integer>> qrels) {
  record Doc(String id, String title, String text) {}

  static BeirData read(Path corpus, Path queries, Path qrels) {
    List<Doc> docs = new ArrayList<>();
    Map<String, String> qs = new LinkedHashMap<>();
    ObjectMapper json = new ObjectMapper();
    eachLine(corpus, line -> {
      JsonNode n = json.readTree(line);
      docs.add(new Doc(n.path("_id").asText(), n.path("title").asText(""), n.path("text").asText("")));
    });
    eachLine(queries, line -> {
      JsonNode n = json.readTree(line);
      qs.put(n.path("_id").asText(), n.path("text").asText(""));
    });
    Map<String, Map<String, Integer>> judged = new LinkedHashMap<>();
    eachLine(qrels, line -> {
      String[] f = line.split("\t");
      if (f.length < 3 || f[0].equals("query-id")) {
        return;
      }
      try {
        judged.computeIfAbsent(f[0], q -> new HashMap<>()).put(f[1], Integer.parseInt(f[2].trim()));
      } catch (NumberFormatException e) {
        throw new CliException("bad qrels line in " + qrels + ": " + line,
            "expected query-id<TAB>corpus-id<TAB>score", ExitCodes.CONFIG);
      }
    });
    return new BeirData(docs, qs, judged);
  }

  private interface LineHandler {
    void accept(String line) throws IOException;
  }

  private static void eachLine(Path file, LineHandler handler) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          handler.accept(line);
        }
      }
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage(), "check the path", ExitCodes.CONFIG);
    }
  }
}
