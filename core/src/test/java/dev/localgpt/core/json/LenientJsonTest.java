package dev.localgpt.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LenientJsonTest {

  @Test
  void readsPlainJsonWithNumbersAsDoubles() {
    Object v = Json.parseLenient("{\"a\": [1, -2.5, true, false, null], \"b\": {\"c\": \"d\"}}");
    assertThat(v).isEqualTo(Map.of("a", Arrays.asList(1.0, -2.5, true, false, null), "b", Map.of("c", "d")));
  }

  @Test
  void acceptsUnquotedKeysSingleQuotesTrailingCommasAndComments() {
    Object v = Json.parseLenient("""
        {
          // the emoji shown in lists
          emoji: '🐙',
          requires: { bins: ['git', "gh",], },
        }
        """);
    assertThat(v).isEqualTo(Map.of("emoji", "🐙", "requires", Map.of("bins", List.of("git", "gh"))));
  }

  @Test
  void bareWordsBecomeStrippedStrings() {
    assertThat(Json.parseLenient("{os: darwin linux , x: [a b, c]}"))
        .isEqualTo(Map.of("os", "darwin linux", "x", List.of("a b", "c")));
  }

  @Test
  void escapesAreDecodedAndUnknownEscapesKeepTheCharacter() {
    assertThat(Json.parseLenient("'it\\'s \\n \\u00e9 \\q'")).isEqualTo("it's \n é q");
  }

  @Test
  void keepsKeyOrder() {
    Object v = Json.parseLenient("{z: 1, a: 2, m: 3}");
    assertThat(List.copyOf(((Map<?, ?>) v).keySet())).isEqualTo(List.of("z", "a", "m"));
  }

  @Test
  void rejectsBrokenTextNamingTheProblemAndOffset() {
    assertThatThrownBy(() -> Json.parseLenient("{a: [1,\n")).isInstanceOf(JsonException.class)
        .hasMessageContaining("offset 8").hasMessageContaining("unexpected end of input");
    assertThatThrownBy(() -> Json.parseLenient("{a 1}")).hasMessageContaining("expected ':' after key 'a 1'");
    assertThatThrownBy(() -> Json.parseLenient("{: 1}")).hasMessageContaining("expected an object key");
    assertThatThrownBy(() -> Json.parseLenient("'open")).hasMessageContaining("string not closed");
    assertThatThrownBy(() -> Json.parseLenient("{a: 1} }")).hasMessageContaining("after the JSON value");
    assertThatThrownBy(() -> Json.parseLenient("[1,,2]")).hasMessageContaining("unexpected character ','");
    assertThatThrownBy(() -> Json.parseLenient("{\"a\": 1 \"b\": 2}")).hasMessageContaining("expected ',' or '}'");
    assertThatThrownBy(() -> Json.parseLenientObject("[1]")).hasMessageContaining("expected a JSON object");
  }

  @Test
  void aCommentRunsToTheLineEndButNotInsideABareWord() {
    assertThat(Json.parseLenient("[a, // b, c\n d]")).isEqualTo(List.of("a", "d"));
    assertThat(Json.parseLenient("{note: 1 // kept}")).isEqualTo(Map.of("note", "1 // kept"));
  }

  @Test
  void theSameTextReadsTheSameInBothDialectsExceptForIntegers() {
    String text = "{\"name\": \"git\", \"tags\": [\"a\\nb\", true, null], \"n\": 2.5}";
    assertThat(Json.parseLenient(text)).isEqualTo(Json.parse(text));
    assertThat(Json.parse("[3]")).isEqualTo(List.of(3L));
    assertThat(Json.parseLenient("[3]")).isEqualTo(List.of(3.0));
  }

  @Test
  void strictModeRefusesWhatLenientModeForgives() {
    for (String json5 : List.of("{a: 1}", "{'a': 1}", "[1,]", "// c\n[1]", "[yes]", "\"\\q\"")) {
      assertThatThrownBy(() -> Json.parse(json5)).as(json5).isInstanceOf(JsonException.class);
      assertThat(Json.parseLenient(json5)).as(json5).isNotNull();
    }
  }

  @Test
  void deepNestingIsRefusedInsteadOfOverflowingTheStack() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    assertThatThrownBy(() -> Json.parseLenient(deep)).hasMessageContaining("nesting deeper than 200");
    assertThatThrownBy(() -> Json.parse(deep)).hasMessageContaining("nesting deeper than 200");
  }
}
