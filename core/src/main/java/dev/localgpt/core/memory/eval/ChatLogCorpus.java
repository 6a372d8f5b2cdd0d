package dev.localgpt.core.memory.eval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A conversational retrieval benchmark generated from a seed: multi-speaker chat logs of 20–30
 * turns (small talk that drifts between topics, short replies, fillers) in which speakers mention
 * facts once, in passing, inside a turn about something else; and questions about those facts, each
 * answered by exactly one turn and phrased differently from it (the speaker's name is shared, the
 * rest mostly paraphrased). A question is asked only when no other conversation has the same
 * speaker mention the same kind of fact, so its conversation is the one relevant document. The same
 * seed and sizes give the same corpus (a conversation depends only on the seed and its number).
 *
 * @param conversations the chat logs, in order
 * @param questions the questions, in order of their conversation
 */
public record ChatLogCorpus(List<Conversation> conversations, List<Question> questions) {
  public ChatLogCorpus {
    conversations = List.copyOf(conversations);
    questions = List.copyOf(questions);
  }

  /** One line of a chat log. */
  public record Turn(String speaker, String text) {}

  /** One chat log: a document of the benchmark. */
  public record Conversation(String id, String title, List<Turn> turns) {
    public Conversation {
      turns = List.copyOf(turns);
    }

    /** The turns as {@code Name: text} paragraphs. */
    public String text() {
      StringBuilder b = new StringBuilder();
      for (Turn t : turns) {
        b.append(b.isEmpty() ? "" : "\n\n").append(t.speaker()).append(": ").append(t.text());
      }
      return b.toString();
    }
  }

  /**
   * A judged question.
   *
   * @param turn the 1-based number of the turn that answers it in its conversation
   */
  public record Question(String id, String text, String conversationId, int turn) {}

  private record Mention(int conversation, int turn, String speaker, ChatMaterial.Fact fact) {}

  /**
   * Generates {@code conversations} chat logs and at most {@code questions} questions.
   *
   * @throws IllegalArgumentException if a size is not positive
   */
  public static ChatLogCorpus generate(long seed, int conversations, int questions) {
    if (conversations < 1 || questions < 1) {
      throw new IllegalArgumentException(
          "'conversations' and 'questions' must be > 0, were " + conversations + "/" + questions);
    }
    ChatMaterial m = ChatMaterial.bundled();
    List<Conversation> convs = new ArrayList<>();
    List<Mention> mentions = new ArrayList<>();
    for (int i = 0; i < conversations; i++) {
      convs.add(conversation(m, new Random(seed * 1_000_003L + i), i, mentions));
    }
    Map<String, Integer> seen = new HashMap<>();
    mentions.forEach(x -> seen.merge(x.speaker() + "/" + x.fact().id(), 1, Integer::sum));
    List<Mention> unique =
        new ArrayList<>(
            mentions.stream()
                .filter(x -> seen.get(x.speaker() + "/" + x.fact().id()) == 1)
                .toList());
    Random pick = new Random(seed);
    Collections.shuffle(unique, pick);
    List<Mention> asked = new ArrayList<>(unique.subList(0, Math.min(questions, unique.size())));
    asked.sort(
        (a, b) ->
            a.conversation() != b.conversation()
                ? Integer.compare(a.conversation(), b.conversation())
                : Integer.compare(a.turn(), b.turn()));
    List<Question> qs = new ArrayList<>();
    for (Mention x : asked) {
      String ask =
          x.fact().asks().get(pick.nextInt(x.fact().asks().size())).replace("{s}", x.speaker());
      qs.add(
          new Question(
              String.format("q%04d", qs.size() + 1),
              ask,
              convs.get(x.conversation()).id(),
              x.turn()));
    }
    return new ChatLogCorpus(convs, qs);
  }

  /**
   * The corpus as a BEIR data set: a document per conversation, relevance 1 for a question's
   * conversation.
   */
  public BeirData beir() {
    List<BeirData.Doc> docs =
        conversations.stream().map(c -> new BeirData.Doc(c.id(), c.title(), c.text())).toList();
    Map<String, String> texts = new java.util.LinkedHashMap<>();
    Map<String, Map<String, Integer>> qrels = new java.util.LinkedHashMap<>();
    for (Question q : questions) {
      texts.put(q.id(), q.text());
      qrels.put(q.id(), Map.of(q.conversationId(), 1));
    }
    return new BeirData(docs, texts, qrels);
  }

  private static Conversation conversation(
      ChatMaterial m, Random r, int number, List<Mention> mentions) {
    List<String> speakers = pickDistinct(m.section("names"), 2 + r.nextInt(3), r);
    int length = 20 + r.nextInt(11);
    List<String> topicNames =
        pickDistinct(new ArrayList<>(m.topics().keySet()), 3 + r.nextInt(3), r);
    List<ChatMaterial.Fact> facts = pickDistinct(m.facts(), 2 + r.nextInt(3), r);
    Set<Integer> factAt = new HashSet<>();
    while (factAt.size() < facts.size()) {
      int at = 3 + r.nextInt(length - 6);
      if (!factAt.contains(at) && !factAt.contains(at - 1) && !factAt.contains(at + 1)) {
        factAt.add(at);
      }
    }
    int segment = Math.max(3, (length - 3) / topicNames.size());
    List<Turn> turns = new ArrayList<>();
    Set<String> used = new HashSet<>();
    String speaker = speakers.get(r.nextInt(speakers.size()));
    turns.add(new Turn(speaker, one(m.section("opener"), r)));
    String factSpeaker = null;
    int topic = -1;
    for (int t = 1; t < length - 1; t++) {
      speaker = next(speakers, speaker, r);
      int seg = Math.min(topicNames.size() - 1, Math.max(0, (t - 1) / segment));
      List<String> lines = m.topics().get(topicNames.get(seg));
      String line = fresh(lines, used, r);
      if (seg != topic && topic >= 0 && r.nextInt(2) == 0) {
        line =
            one(
                    List.of(
                        "anyway, ", "changing the subject but ", "totally unrelated, ", "ok so "),
                    r)
                + line;
      }
      topic = seg;
      String text;
      if (factAt.contains(t)) {
        ChatMaterial.Fact f = facts.get(countBefore(factAt, t));
        String say = one(f.says(), r).replace("{x}", one(f.values(), r));
        text = r.nextBoolean() ? line + ". " + say : say + ". " + line;
        mentions.add(new Mention(number, t + 1, speaker, f));
        factSpeaker = speaker;
      } else if (factAt.contains(t - 1)) {
        text = one(m.section("reply"), r);
      } else if (factAt.contains(t - 2) && speakers.contains(factSpeaker) && r.nextBoolean()) {
        speaker = factSpeaker;
        text = one(m.section("followup"), r);
      } else {
        text =
            r.nextInt(4) == 0
                ? one(m.section("filler"), r)
                : r.nextInt(5) < 2 ? line + ". " + fresh(lines, used, r) : line;
      }
      turns.add(new Turn(speaker, text));
    }
    turns.add(new Turn(next(speakers, speaker, r), one(m.section("closer"), r)));
    String title = "Chat log " + LocalDate.of(2025, 1, 1).plusDays(number);
    return new Conversation(String.format("conv%04d", number + 1), title, turns);
  }

  private static int countBefore(Set<Integer> positions, int t) {
    return (int) positions.stream().filter(p -> p < t).count();
  }

  private static String next(List<String> speakers, String previous, Random r) {
    String s;
    do {
      s = speakers.get(r.nextInt(speakers.size()));
    } while (s.equals(previous));
    return s;
  }

  private static String fresh(List<String> lines, Set<String> used, Random r) {
    for (int tries = 0; tries < 8; tries++) {
      String s = one(lines, r);
      if (used.add(s)) {
        return s;
      }
    }
    return one(lines, r);
  }

  private static String one(List<String> from, Random r) {
    return from.get(r.nextInt(from.size()));
  }

  private static <T> List<T> pickDistinct(List<T> from, int n, Random r) {
    List<T> copy = new ArrayList<>(from);
    Collections.shuffle(copy, r);
    return List.copyOf(copy.subList(0, Math.min(n, copy.size())));
  }
}
