package dev.localgpt.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MarkdownChunkerTest {
  /** 200 chars per chunk, 40 overlap. */
  private final MarkdownChunker small = new MarkdownChunker(new ChunkerSettings(50, 10, 4));

  private static String words(String seed, int chars) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (sb.length() < chars) {
      sb.append(seed).append(i++).append(' ');
    }
    return sb.toString().strip();
  }

  /** Each chunk's text is exactly its line range of the file, modulo a split long line. */
  private static void assertChunksMatchLines(String content, List<Chunk> chunks) {
    List<String> lines = MarkdownChunker.splitLines(content);
    for (Chunk c : chunks) {
      String expected = String.join("\n", lines.subList(c.startLine() - 1, c.endLine()));
      if (c.startLine() == c.endLine() && expected.length() > c.text().length()) {
        assertThat(expected).contains(c.text());
      } else {
        assertThat(c.text()).isEqualTo(expected);
      }
      assertThat(c.hash()).isEqualTo(Hashes.sha256(c.text()));
    }
  }

  private static void assertEveryNonBlankLineCovered(String content, List<Chunk> chunks) {
    List<String> lines = MarkdownChunker.splitLines(content);
    boolean[] covered = new boolean[lines.size()];
    for (Chunk c : chunks) {
      for (int l = c.startLine(); l <= c.endLine(); l++) {
        covered[l - 1] = true;
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        assertThat(covered[i]).as("line %d covered", i + 1).isTrue();
      }
    }
  }

  @Test
  void emptyOrBlankFileGivesNoChunks() {
    assertThat(small.chunk("a.md", "")).isEmpty();
    assertThat(small.chunk("a.md", "\n\n  \r\n\t\n")).isEmpty();
  }

  @Test
  void smallFileIsOneChunkWithLineRangeAndHeadingPath() {
    String md = "\n# Title\n\nSome text here.\nMore text.\n\n";
    List<Chunk> chunks = small.chunk("notes/a.md", md);
    assertThat(chunks).hasSize(1);
    Chunk c = chunks.get(0);
    assertThat(c.path()).isEqualTo("notes/a.md");
    assertThat(c.startLine()).isEqualTo(2);
    assertThat(c.endLine()).isEqualTo(5);
    assertThat(c.headingPath()).isEqualTo("# Title");
    assertThat(c.text()).isEqualTo("# Title\n\nSome text here.\nMore text.");
    assertThat(c.hash()).isEqualTo(Hashes.sha256(c.text()));
  }

  @Test
  void crlfAndMissingTrailingNewlineGiveTheSameChunksAsLf() {
    String lf = "# A\n\n" + words("alpha", 300) + "\n\n## B\n" + words("beta", 300) + "\n";
    String crlf = lf.replace("\n", "\r\n");
    String noTrailing = lf.substring(0, lf.length() - 1);
    List<Chunk> expected = small.chunk("a.md", lf);
    assertThat(small.chunk("a.md", crlf)).isEqualTo(expected);
    assertThat(small.chunk("a.md", noTrailing)).isEqualTo(expected);
    assertThat(expected).allSatisfy(c -> assertThat(c.text()).doesNotContain("\r"));
  }

  @Test
  void cutsBeforeHeadingsAndKeepsTheHeadingPath() {
    String md =
        "# Project\n\nintro "
            + words("p", 100)
            + "\n\n## Design\n\n"
            + words("d", 120)
            + "\n\n### Storage ###\n\n"
            + words("s", 120)
            + "\n\n## Risks\n\n"
            + words("r", 120)
            + "\n";
    List<Chunk> chunks = small.chunk("a.md", md);
    assertChunksMatchLines(md, chunks);
    assertThat(chunks)
        .extracting(Chunk::headingPath)
        .containsExactly(
            "# Project",
            "# Project > ## Design",
            "# Project > ## Design > ### Storage",
            "# Project > ## Risks");
    assertThat(chunks.subList(1, chunks.size()))
        .allSatisfy(c -> assertThat(c.text()).startsWith("#"));
  }

  @Test
  void understandsSetextHeadings() {
    String md =
        "Main\n====\n\n" + words("m", 150) + "\n\nSub part\n--------\n\n" + words("s", 150) + "\n";
    List<Chunk> chunks = small.chunk("a.md", md);
    assertThat(chunks)
        .extracting(Chunk::headingPath)
        .containsExactly("# Main", "# Main > ## Sub part");
    assertThat(chunks.get(1).text()).startsWith("Sub part\n--------");
  }

  @Test
  void hashInsideFenceIsNotAHeadingAndAFittingFenceIsNeverCut() {
    String fence = "```bash\n# not a heading\necho hi\n# also not\n" + "x=1\n".repeat(20) + "```";
    String md = "# Real\n\n" + words("a", 120) + "\n\n" + fence + "\n\n" + words("b", 120) + "\n";
    List<Chunk> chunks = small.chunk("a.md", md);
    assertChunksMatchLines(md, chunks);
    assertEveryNonBlankLineCovered(md, chunks);
    assertThat(chunks).allSatisfy(c -> assertThat(c.headingPath()).isEqualTo("# Real"));
    assertThat(chunks)
        .filteredOn(c -> c.text().contains("echo hi"))
        .singleElement()
        .satisfies(c -> assertThat(c.text()).contains("```bash").endsWith("```"));
  }

  @Test
  void tildeFenceWithLongerCloserIsRecognised() {
    String md = "~~~~\n# inside\n~~~\nstill inside\n~~~~~\n# Outside\ntext\n";
    List<Chunk> chunks = new MarkdownChunker().chunk("a.md", md);
    assertThat(chunks).hasSize(1);
    MarkdownStructure s = new MarkdownStructure(MarkdownChunker.splitLines(md));
    assertThat(s.headingPath[3]).isEmpty();
    assertThat(s.headingPath[5]).isEqualTo("# Outside");
  }

  @Test
  void fenceTooBigForOneChunkIsSplitAtLines() {
    String md = "intro\n\n```\n" + "line of code number\n".repeat(60) + "```\n\nafter\n";
    List<Chunk> chunks = small.chunk("a.md", md);
    assertChunksMatchLines(md, chunks);
    assertEveryNonBlankLineCovered(md, chunks);
    assertThat(chunks.size()).isGreaterThan(3);
    assertThat(chunks).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(200));
  }

  @Test
  void veryLongLineIsSplitIntoBoundedPieces() {
    String line = "x".repeat(1000) + "y".repeat(1000);
    List<Chunk> chunks = small.chunk("a.md", "before\n" + line + "\nafter");
    List<Chunk> pieces = chunks.stream().filter(c -> c.startLine() == 2).toList();
    assertThat(pieces.size()).isGreaterThanOrEqualTo(2000 / 200);
    assertThat(pieces).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(200));
    assertThat(pieces.get(0).text()).startsWith("xxx");
    assertThat(pieces.get(pieces.size() - 1).text()).endsWith("yyy");
    assertThat(chunks.get(0).text()).isEqualTo("before");
    assertThat(chunks.get(chunks.size() - 1).text()).isEqualTo("after");
  }

  @Test
  void longLineSplitNeverBreaksASurrogatePair() {
    String line = "😀".repeat(500);
    List<Chunk> chunks = small.chunk("a.md", line);
    assertThat(chunks)
        .allSatisfy(
            c -> {
              assertThat(Character.isLowSurrogate(c.text().charAt(0))).isFalse();
              assertThat(Character.isHighSurrogate(c.text().charAt(c.text().length() - 1)))
                  .isFalse();
            });
  }

  @Test
  void consecutiveChunksOfPlainLinesOverlapByAtMostTheOverlap() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      sb.append("line number ").append(i).append('\n');
    }
    List<Chunk> chunks = small.chunk("a.md", sb.toString());
    assertChunksMatchLines(sb.toString(), chunks);
    for (int i = 1; i < chunks.size(); i++) {
      Chunk prev = chunks.get(i - 1);
      Chunk next = chunks.get(i);
      assertThat(next.startLine())
          .isLessThanOrEqualTo(prev.endLine())
          .isGreaterThan(prev.startLine());
      int overlapLines = prev.endLine() - next.startLine() + 1;
      assertThat(overlapLines * "line number 00\n".length()).isLessThanOrEqualTo(40 + 16);
    }
  }

  @Test
  void randomMarkdownIsFullyCoveredWithBoundedChunks() {
    Random random = new Random(42);
    String[] parts = {"# H", "## Sub", "text words here", "", "```", "- item", "> quote", "~~~"};
    for (int round = 0; round < 30; round++) {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        String p = parts[random.nextInt(parts.length)];
        lines.add(p.isEmpty() ? p : p + " " + words("w", random.nextInt(80)));
      }
      String md = String.join("\n", lines);
      List<Chunk> chunks = small.chunk("r.md", md);
      assertChunksMatchLines(md, chunks);
      assertEveryNonBlankLineCovered(md, chunks);
      for (int i = 1; i < chunks.size(); i++) {
        assertThat(chunks.get(i).startLine()).isGreaterThan(chunks.get(i - 1).startLine());
      }
    }
  }
}
