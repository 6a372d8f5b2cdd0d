package dev.localgpt.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GlobTest {
  @Test
  void doubleStarSlashMatchesZeroOrMoreFolders() {
    Glob glob = Glob.of("**/*.md");
    assertThat(glob.matches("top.md")).isTrue();
    assertThat(glob.matches("a/b/deep.md")).isTrue();
    assertThat(glob.matches("a/notes.txt")).isFalse();
  }

  @Test
  void doubleStarInTheMiddleMatchesZeroOrMoreFolders() {
    Glob glob = Glob.of("notes/**/*.md");
    assertThat(glob.matches("notes/x.md")).isTrue();
    assertThat(glob.matches("notes/a/b/x.md")).isTrue();
    assertThat(glob.matches("other/x.md")).isFalse();
  }

  @Test
  void severalDoubleStarsAndPlainGlobsKeepTheirMeaning() {
    assertThat(Glob.of("**/drafts/**/*.md").matches("drafts/x.md")).isTrue();
    assertThat(Glob.of("**/drafts/**/*.md").matches("a/drafts/b/x.md")).isTrue();
    assertThat(Glob.of("*.md").matches("a/x.md")).isFalse();
    assertThat(Glob.of("**").matches("a/x.md")).isTrue();
    assertThat(Glob.of("{a,b}/*.md").matches("b/x.md")).isTrue();
  }

  @Test
  void badPatternNamesThePattern() {
    assertThatThrownBy(() -> Glob.of("[a-"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[a-");
  }
}
