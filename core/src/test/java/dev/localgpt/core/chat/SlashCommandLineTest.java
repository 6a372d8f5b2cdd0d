package dev.localgpt.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlashCommandLineTest {

  @Test
  void aSlashLineGivesTheLowerCasedNameAndTheStrippedArguments() {
    assertThat(SlashCommandLine.parse("  /Memory   backup disk  "))
        .contains(new SlashCommandLine("memory", "backup disk"));
    assertThat(SlashCommandLine.parse("/quit")).contains(new SlashCommandLine("quit", ""));
  }

  @Test
  void aLineWithoutLeadingSlashIsAMessage() {
    assertThat(SlashCommandLine.parse("what is in /tmp?")).isEmpty();
    assertThat(SlashCommandLine.shortId("0123456789abcdef")).isEqualTo("01234567");
    assertThat(SlashCommandLine.shortId("abc")).isEqualTo("abc");
  }
}
