package dev.localgpt.core.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeartbeatFileTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "\n\n  \n",
        "# HEARTBEAT.md\n\n## Tasks\n#\n",
        "- \n- [ ]\n* [x]\n+\n1.\n",
        "<!-- add tasks below -->\n# Tasks\n",
        "<!--\n- [ ] not a task, commented out\n-->\n",
        "<!-- unterminated\n- x"
      })
  void onlyBlankLinesHeadingsEmptyItemsAndCommentsAreEmpty(String text) {
    assertThat(HeartbeatFile.effectivelyEmpty(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "- [ ] Check the calendar",
        "# Tasks\nWater the plants",
        "#hashtag is text",
        "<!-- note --> remind me at noon",
        "1. Call Bob"
      })
  void anyTaskTextIsNotEmpty(String text) {
    assertThat(HeartbeatFile.effectivelyEmpty(text)).isFalse();
  }

  @Test
  void theWorkspaceTemplateHoldsNoTasks(@TempDir Path workspace) throws Exception {
    try (var in =
        HeartbeatFile.class.getResourceAsStream(
            "/dev/localgpt/core/workspace/templates/HEARTBEAT.md")) {
      assertThat(in).isNotNull();
      assertThat(
              HeartbeatFile.effectivelyEmpty(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
          .isTrue();
    }
    assertThat(HeartbeatFile.read(workspace)).isEmpty();
    Files.writeString(workspace.resolve("HEARTBEAT.md"), "- [ ] x");
    assertThat(HeartbeatFile.read(workspace)).contains("- [ ] x");
  }
}
