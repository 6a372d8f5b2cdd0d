package dev.localgpt.core.agent.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.agent.StubMemorySearch;
import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.llm.ToolCall;
import dev.localgpt.ports.llm.ToolSpec;
import dev.localgpt.ports.web.WebFetchException;
import dev.localgpt.ports.web.WebPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolBoxTest {
  @TempDir Path workspace;

  private ToolBox box(ToolSettings settings, ApprovalGate gate) {
    return StandardTools.create(
        PathGuard.of(workspace),
        new StubMemorySearch(),
        url -> new WebPage(url, 200, "text/html", "T", "body", 4, false),
        settings,
        gate);
  }

  @Test
  void offersTheLocalGptToolsWithBashOnlyWhenEnabled() {
    assertThat(box(ToolSettings.DEFAULTS, ApprovalGate.ALLOW_ALL).specs())
        .extracting(ToolSpec::name)
        .containsExactly(
            "read_file", "write_file", "edit_file", "memory_search", "memory_get", "web_fetch");
    assertThat(box(ToolSettings.DEFAULTS.withBashEnabled(true), ApprovalGate.ALLOW_ALL).has("bash"))
        .isTrue();
  }

  @Test
  void fencesResultsAndTurnsFailuresIntoErrorResults() throws Exception {
    Files.writeString(workspace.resolve("a.md"), "hello");
    ToolBox box = box(ToolSettings.DEFAULTS, ApprovalGate.ALLOW_ALL);
    ToolOutcome ok = box.run(new ToolCall("1", "read_file", JsonObject.of("path", "a.md")));
    assertThat(ok.error()).isFalse();
    assertThat(ok.text()).startsWith("<tool_output id=\"").contains("   1\thello").endsWith("\">");

    assertThat(box.run(new ToolCall("2", "read_file", JsonObject.of("path", "../x"))).text())
        .contains("Error: path");
    assertThat(box.run(ToolCall.malformed("3", "read_file", "{\"path\":")).text())
        .contains("bad arguments for read_file", "not a JSON object", "{\"path\":");
    ToolOutcome unknown = box.run(new ToolCall("4", "launch_rockets", JsonObject.EMPTY));
    assertThat(unknown.error()).isTrue();
    assertThat(unknown.text()).contains("unknown tool 'launch_rockets'");
  }

  @Test
  void asksTheApprovalGateAndReportsADenial() throws Exception {
    List<String> asked = new ArrayList<>();
    ToolBox box =
        box(
            ToolSettings.DEFAULTS.withRequireApproval(Set.of("write_file")),
            (tool, detail) -> asked.add(tool + ":" + detail) && false);
    ToolOutcome out =
        box.run(
            new ToolCall(
                "1",
                "write_file",
                JsonObject.builder().put("path", "x.md").put("content", "x").build()));
    assertThat(asked).containsExactly("write_file:x.md");
    assertThat(out.error()).isTrue();
    assertThat(out.text()).contains("the user denied running write_file");
    assertThat(workspace.resolve("x.md")).doesNotExist();
  }

  @Test
  void capsLongOutput() throws Exception {
    Files.writeString(workspace.resolve("big.md"), "x".repeat(5000));
    ToolBox box = box(ToolSettings.DEFAULTS.withOutputMaxChars(1000), ApprovalGate.ALLOW_ALL);
    String text = box.run(new ToolCall("1", "read_file", JsonObject.of("path", "big.md"))).text();
    int produced = "   1\t".length() + 5000 + "\n".length();
    assertThat(text)
        .contains(
            "[...truncated "
                + (produced - 1000)
                + " characters. Use read_file with offset to see more.]");
  }

  @Test
  void webFetchFormatsThePageAsExternalContentAndHonoursTheAllowlist() {
    ToolBox box =
        box(
            ToolSettings.DEFAULTS.withAllowedDomains(List.of("example.com")),
            ApprovalGate.ALLOW_ALL);
    String text =
        box.run(new ToolCall("1", "web_fetch", JsonObject.of("url", "https://docs.example.com/a")))
            .text();
    assertThat(text)
        .startsWith("<external_content id=")
        .contains(
            "Status: 200\nURL: https://docs.example.com/a\nContent-Type: text/html\n\n# T\n\nbody");
    assertThat(
            box.run(new ToolCall("2", "web_fetch", JsonObject.of("url", "https://evil.org/")))
                .text())
        .contains("not in tools.web_fetch allowed domains");
    assertThat(
            box.run(new ToolCall("3", "web_fetch", JsonObject.of("url", "file:///etc/passwd")))
                .text())
        .contains("only http and https");
  }

  @Test
  void webFetchReportsFetcherRefusalsAsErrors() {
    ToolBox box =
        StandardTools.create(
            PathGuard.of(workspace),
            new StubMemorySearch(),
            url -> {
              throw new WebFetchException(
                  WebFetchException.Kind.REFUSED, "refused: 10.0.0.1 is private");
            },
            ToolSettings.DEFAULTS,
            ApprovalGate.ALLOW_ALL);
    ToolOutcome out =
        box.run(new ToolCall("1", "web_fetch", JsonObject.of("url", "http://intranet/")));
    assertThat(out.error()).isTrue();
    assertThat(out.text()).contains("refused: 10.0.0.1 is private");
  }
}
