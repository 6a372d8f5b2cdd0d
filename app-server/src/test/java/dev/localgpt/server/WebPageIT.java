package dev.localgpt.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real headless Chromium against the whole server with a scripted chat model: a
 * chat with a streamed answer and a tool line, memory search, the session list (new session,
 * resume). Leaves {@code target/page-screenshot.png} and {@code target/page-screenshot-narrow.png}
 * to look at. Skips without the browser.
 */
class WebPageIT {
  private static final Path SCREENSHOT = Path.of("target", "page-screenshot.png");
  private static final Path NARROW_SCREENSHOT = Path.of("target", "page-screenshot-narrow.png");
  private static final String QUESTION = "Where is the\nzanzibar key?";

  @TempDir Path home;
  @TempDir Path profile;

  private ServerFixture server;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    ScriptedChatModel model =
        ScriptedChatModel.replying(
            Reply.tool("memory_search", JsonObject.of("query", "zanzibar key")),
            Reply.text(
                "The **zanzibar** key hangs by the blue door, says `MEMORY.md`.\n\n- it is brass\n- it is old"));
    server = ServerFixture.start(home, model);
    Files.writeString(
        server.workspace().root().resolve("MEMORY.md"),
        "# Memory\n\nThe zanzibar key hangs by the blue door.\n");
    assertThat(server.http.post("/api/memory/reindex", "{\"force\":true}").statusCode())
        .isEqualTo(200);
    browser = HeadlessChromium.start(profile, 1280, 860);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void chatStreamsAnAnswerWithAToolLineSearchesMemoryAndResumesASession() throws Exception {
    browser.get("http://127.0.0.1:" + server.server.port() + "/");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("status"), "Model: scripted/fake"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("index-status"), "chunks"));

    chatWithEnterAndSeeTheAnswerStream();
    String sessionId =
        HttpJson.MAPPER
            .readTree(server.http.get("/api/sessions").body())
            .at("/sessions/0/session_id")
            .asText();
    By sessionButton = By.cssSelector("#sessions button.session[data-id='" + sessionId + "']");
    wait.until(ExpectedConditions.attributeToBe(sessionButton, "aria-current", "true"));
    searchMemoryAndSeeTheNote();

    browser.findElement(By.id("new-session")).click();
    wait.until(
        ExpectedConditions.numberOfElementsToBe(By.cssSelector("#sessions button.session"), 2));
    assertThat(browser.findElements(By.cssSelector("#log .msg"))).isEmpty();
    browser.findElement(sessionButton).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".msg.assistant .body"), "hangs by the blue door"));
    assertThat(browser.findElement(By.cssSelector(".msg.user .body")).getText())
        .isEqualTo(QUESTION);
    assertThat(browser.findElement(By.cssSelector(".tool .tool-name")).getText())
        .isEqualTo("memory_search");
    wait.until(ExpectedConditions.attributeToBe(sessionButton, "aria-current", "true"));
    HeadlessChromium.screenshot(browser, SCREENSHOT);

    WebElement toolSummary = browser.findElement(By.cssSelector(".tool summary"));
    toolSummary.click();
    assertThat(browser.findElement(By.cssSelector(".tool .tool-output")).getText())
        .contains("zanzibar key hangs");
    toolSummary.click();
    browser.manage().window().setSize(new Dimension(420, 900));
    HeadlessChromium.screenshot(browser, NARROW_SCREENSHOT);
    assertThat(HeadlessChromium.consoleErrors(browser))
        .as("browser console errors (CSP, scripts, loads)")
        .isEmpty();
  }

  private void chatWithEnterAndSeeTheAnswerStream() {
    recordAnswerTexts();
    WebElement message = browser.findElement(By.id("message"));
    message.sendKeys("Where is the");
    message.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
    message.sendKeys("zanzibar key?");
    assertThat(message.getDomProperty("value")).as("Shift+Enter is a new line").isEqualTo(QUESTION);
    message.sendKeys(Keys.ENTER);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".msg.assistant .body"), "hangs by the blue door"));
    wait.until(d -> d.findElement(By.id("send")).isEnabled());

    assertThat(browser.findElement(By.cssSelector(".msg.user .body")).getText())
        .isEqualTo(QUESTION);
    assertThat(message.getDomProperty("value")).isEmpty();
    WebElement tool = browser.findElement(By.cssSelector(".tool"));
    assertThat(tool.findElement(By.className("tool-name")).getText()).isEqualTo("memory_search");
    assertThat(tool.findElement(By.className("tool-result")).getText())
        .startsWith("→ ")
        .contains("MEMORY.md")
        .doesNotContain("<tool_output");
    WebElement answer = browser.findElement(By.cssSelector(".msg.assistant .body"));
    assertThat(answer.findElement(By.tagName("strong")).getText()).isEqualTo("zanzibar");
    assertThat(answer.findElement(By.tagName("code")).getText()).isEqualTo("MEMORY.md");
    assertThat(answer.findElements(By.tagName("li")))
        .extracting(WebElement::getText)
        .containsExactly("it is brass", "it is old");
    List<String> shown = answerTexts();
    assertThat(shown).as("the answer grows delta by delta").hasSizeGreaterThan(3);
    for (int i = 1; i < shown.size(); i++) {
      assertThat(shown.get(i)).startsWith(shown.get(i - 1));
    }
  }

  private void searchMemoryAndSeeTheNote() {
    WebElement search = browser.findElement(By.id("search-q"));
    search.sendKeys("zanzibar", Keys.ENTER);
    WebElement hit =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .hit")));
    assertThat(hit.findElement(By.className("hit-file")).getText()).isEqualTo("MEMORY.md");
    assertThat(hit.findElement(By.className("hit-lines")).getText()).matches("lines? \\d+(–\\d+)?");
    assertThat(hit.findElement(By.className("hit-score")).getText()).matches("score \\d+\\.\\d{3}");
    assertThat(hit.findElement(By.className("hit-snippet")).getText())
        .contains("zanzibar key hangs");
  }

  /** Records each text the streaming answer shows: every delta replaces the body's text node. */
  private void recordAnswerTexts() {
    browser.executeScript(
        """
        window.answerTexts = [];
        new MutationObserver((records) => {
          for (const r of records) {
            if (r.target.classList && r.target.classList.contains('streaming')) {
              for (const n of r.addedNodes) {
                if (n.nodeType === Node.TEXT_NODE) window.answerTexts.push(n.data);
              }
            }
          }
        }).observe(document.getElementById('log'), {childList: true, subtree: true});
        """);
  }

  @SuppressWarnings("unchecked")
  private List<String> answerTexts() {
    return (List<String>) browser.executeScript("return window.answerTexts;");
  }
}
