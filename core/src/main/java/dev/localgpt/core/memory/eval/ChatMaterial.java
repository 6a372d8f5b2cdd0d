package dev.localgpt.core.memory.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The phrases {@link ChatLogCorpus} builds conversations from, read from the resource {@code
 * chat-logs.txt}: speaker names, openers, closers, short replies and fillers, small-talk lines per
 * topic, and facts to mention in passing.
 *
 * @param sections the plain sections ({@code names}, {@code opener}, ...) by name, lines in file
 *     order
 * @param topics small-talk lines per topic, in file order
 * @param facts the facts, in file order
 */
record ChatMaterial(
    Map<String, List<String>> sections, Map<String, List<String>> topics, List<Fact> facts) {
  ChatMaterial {
    sections = Map.copyOf(sections);
    topics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(topics));
    facts = List.copyOf(facts);
  }

  /**
   * A fact a speaker mentions once in passing, and the questions about it.
   *
   * @param id the fact's name
   * @param values the possible answers ({@code {x}})
   * @param says first-person ways to mention it
   * @param asks questions about it, {@code {s}} standing for the speaker
   */
  record Fact(String id, List<String> values, List<String> says, List<String> asks) {
    Fact {
      values = List.copyOf(values);
      says = List.copyOf(says);
      asks = List.copyOf(asks);
      if (values.isEmpty() || says.isEmpty() || asks.isEmpty()) {
        throw new IllegalArgumentException("fact '" + id + "' needs x=, say= and ask= lines");
      }
    }
  }

  /** The lines of a plain section. */
  List<String> section(String name) {
    return Objects.requireNonNull(
        sections.get(name), () -> "no [" + name + "] section in chat-logs.txt");
  }

  /** Parses the bundled {@code chat-logs.txt}. */
  static ChatMaterial bundled() {
    try (InputStream in = ChatMaterial.class.getResourceAsStream("chat-logs.txt")) {
      if (in == null) {
        throw new IllegalStateException("chat-logs.txt is missing from the class path");
      }
      return parse(
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read chat-logs.txt: " + e.getMessage(), e);
    }
  }

  static ChatMaterial parse(List<String> lines) {
    Map<String, List<String>> sections = new LinkedHashMap<>();
    Map<String, List<String>> topics = new LinkedHashMap<>();
    Map<String, Map<String, List<String>>> facts = new LinkedHashMap<>();
    List<String> current = null;
    Map<String, List<String>> fact = null;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        String[] head = line.substring(1, line.length() - 1).split(" ", 2);
        fact = null;
        current = null;
        switch (head[0]) {
          case "topic" -> current = topics.computeIfAbsent(head[1], k -> new ArrayList<>());
          case "fact" -> fact = facts.computeIfAbsent(head[1], k -> new LinkedHashMap<>());
          default -> current = sections.computeIfAbsent(head[0], k -> new ArrayList<>());
        }
      } else if (fact != null) {
        int eq = line.indexOf('=');
        String key = line.substring(0, Math.max(0, eq));
        String value = line.substring(eq + 1);
        List<String> into = fact.computeIfAbsent(key, k -> new ArrayList<>());
        into.addAll(key.equals("x") ? List.of(value.split("\\|")) : List.of(value));
      } else if (current != null) {
        current.add(line);
      }
    }
    List<Fact> out = new ArrayList<>();
    facts.forEach(
        (id, f) ->
            out.add(
                new Fact(
                    id,
                    f.getOrDefault("x", List.of()),
                    f.getOrDefault("say", List.of()),
                    f.getOrDefault("ask", List.of()))));
    return new ChatMaterial(sections, topics, out);
  }
}
