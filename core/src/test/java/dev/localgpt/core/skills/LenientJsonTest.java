package dev.localgpt.core.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LenientJsonTest {

  @Test
  void readsPlainJsonWithNumbersAsDoubles() {
    Object v = LenientJson.parse("{\"a\": [1, -2.5, true, false, null], \"b\": {\"c\": \"d\"}}");
    assertThat(v).isEqualTo(Map.of("a", Arrays.asList(1.0, -2.5, true, false, null), "b", Map.of("c", "d")));
  }

  @Test
  void acceptsUnquotedKeysSingleQuotesTrailingCommasAndComments() {
    Object v = LenientJson.parse("""
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
    assertThat(LenientJson.parse("{os: darwin linux , x: [a b, c]}"))
        .isEqualTo(Map.of("os", "darwin linux", "x", List.of("a b", "c")));
  }

  @Test
  void escapesAreDecodedAndUnknownEscapesKeepTheCharacter() {
    assertThat(LenientJson.parse("'it\\'s \\n \\u00e9 \\q'")).isEqualTo("it's \n é q");
  }

  @Test
  void keepsKeyOrder() {
    Object v = LenientJson.parse("{z: 1, a: 2, m: 3}");
    assertThat(List.copyOf(((Map<?, ?>) v).keySet())).isEqualTo(List.of("z", "a", "m"));
  }

  @Test
  void rejectsBrokenTextNamingTheProblem() {
    assertThatThrownBy(() -> LenientJson.parse("{a: [1,\n")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value expected");
    assertThatThrownBy(() -> LenientJson.parse("{a 1}")).hasMessageContaining("':' expected after key 'a 1'");
    assertThatThrownBy(() -> LenientJson.parse("{: 1}")).hasMessageContaining("object key expected");
    assertThatThrownBy(() -> LenientJson.parse("'open")).hasMessageContaining("string not closed");
    assertThatThrownBy(() -> LenientJson.parse("{a: 1} }")).hasMessageContaining("after the value");
    assertThatThrownBy(() -> LenientJson.parse("[1,,2]")).hasMessageContaining("unexpected ','");
    assertThatThrownBy(() -> LenientJson.parse("{\"a\": 1 \"b\": 2}")).hasMessageContaining("',' or '}' expected");
  }
}
