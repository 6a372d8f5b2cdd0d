package dev.localgpt.core.memory.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChatLogCorpusTest {
  private static final ChatLogCorpus CORPUS = ChatLogCorpus.generate(15, 120, 150);

  @Test
  void theSameSeedGivesTheSameCorpusAndAnotherSeedAnotherOne() {
    assertThat(ChatLogCorpus.generate(15, 120, 150)).isEqualTo(CORPUS);
    assertThat(ChatLogCorpus.generate(16, 120, 150).conversations())
        .isNotEqualTo(CORPUS.conversations());
  }

  @Test
  void aConversationDependsOnlyOnTheSeedAndItsNumber() {
    assertThat(ChatLogCorpus.generate(15, 40, 10).conversations())
        .isEqualTo(CORPUS.conversations().subList(0, 40));
  }

  @Test
  void conversationsHaveTwentyToThirtyTurnsBetweenTwoToFourSpeakersWhoTakeTurns() {
    for (ChatLogCorpus.Conversation c : CORPUS.conversations()) {
      assertThat(c.turns()).hasSizeBetween(20, 30);
      assertThat(c.turns().stream().map(ChatLogCorpus.Turn::speaker).distinct().count())
          .isBetween(2L, 4L);
      for (int i = 1; i < c.turns().size(); i++) {
        assertThat(c.turns().get(i).speaker()).isNotEqualTo(c.turns().get(i - 1).speaker());
      }
      assertThat(c.text()).startsWith(c.turns().get(0).speaker() + ": ").contains("\n\n");
    }
  }

  @Test
  void everyQuestionNamesTheSpeakerOfItsAnsweringTurnAndDoesNotCopyIt() {
    Map<String, ChatLogCorpus.Conversation> byId =
        CORPUS.conversations().stream()
            .collect(Collectors.toMap(ChatLogCorpus.Conversation::id, Function.identity()));
    assertThat(CORPUS.questions()).hasSizeGreaterThan(100);
    int shared = 0;
    int words = 0;
    for (ChatLogCorpus.Question q : CORPUS.questions()) {
      ChatLogCorpus.Turn answer = byId.get(q.conversationId()).turns().get(q.turn() - 1);
      assertThat(q.text()).contains(answer.speaker()).endsWith("?");
      Set<String> turnWords = words(answer.text());
      for (String w : words(q.text())) {
        if (w.length() > 3 && !w.equals(answer.speaker().toLowerCase(Locale.ROOT))) {
          words++;
          shared += turnWords.contains(w) ? 1 : 0;
        }
      }
    }
    assertThat((double) shared / words)
        .as("share of question words found in the answer turn")
        .isLessThan(0.35);
  }

  @Test
  void noOtherConversationHasTheSameSpeakerMentionTheSameKindOfFact() {
    assertThat(CORPUS.questions().stream().map(ChatLogCorpus.Question::text).distinct())
        .hasSizeGreaterThan(100);
    BeirData beir = CORPUS.beir();
    assertThat(beir.corpus()).hasSize(120);
    assertThat(beir.qrels())
        .hasSize(CORPUS.questions().size())
        .allSatisfy((q, judged) -> assertThat(judged).hasSize(1).containsValue(1));
  }

  @Test
  void nonPositiveSizesAreRefusedNamingTheField() {
    assertThatThrownBy(() -> ChatLogCorpus.generate(1, 0, 5))
        .hasMessageContaining("'conversations'");
  }

  private static Set<String> words(String s) {
    return new HashSet<>(List.of(s.toLowerCase(Locale.ROOT).split("[^a-z0-9']+")));
  }
}
