package dev.localgpt.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.config.ServerConfig;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real headless Chromium (Debian's {@code chromium} + {@code chromium-driver}) against the whole
 * server with a scripted chat model: chat with a streamed answer and a tool line, memory search, the session list
 * (new session, resume) and the token prompt. Leaves {@code target/page-screenshot.png} (and a narrow one) to look at. Skips when the
 * browser is not installed.
 */
class WebPageIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOT = Path.of("target", "page-screenshot.png");
  private static final Path NARROW_SCREENSHOT = Path.of("target", "page-screenshot-narrow.png");

  @TempDir Path home;
  @TempDir Path profile;

  private ServerFixture server;
  private WebDriver browser;

  @BeforeEach
  void browserIsInstalled() {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "WebPageIT skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
            + " (install them with: apt-get install chromium chromium-driver)");
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void chatStreamsAnAnswerWithAToolLineSearchesMemoryAndResumesASession() throws Exception {
    ScriptedChatModel model = ScriptedChatModel.replying(
        Reply.tool("memory_search", "{\"query\":\"zanzibar key\"}"),
        Reply.text("The **zanzibar** key hangs by the blue door, says `MEMORY.md`.\n\n- it is brass\n- it is old"));
    server = ServerFixture.start(home, model, "",
        b -> b.limits(ServerLimits.DEFAULTS.withoutRateLimit()));
    Files.writeString(server.workspace().root().resolve("MEMORY.md"),
        "# Memory\n\nThe zanzibar key hangs by the blue door.\n");
    assertThat(server.http.post("/api/memory/reindex", "{\"force\":true}").statusCode()).isEqualTo(200);

    browser = chromium(1280, 860);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get("http://127.0.0.1:" + server.server.port() + "/");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Model: scripted/fake"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("index-status"), "chunks"));
    recordAnswerTexts();

    WebElement message = browser.findElement(By.id("message"));
    message.sendKeys("Where is the");
    message.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
    message.sendKeys("zanzibar key?");
    assertThat(message.getDomProperty("value")).isEqualTo("Where is the\nzanzibar key?");
    message.sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".msg.assistant .body"),
        "hangs by the blue door"));
    wait.until(d -> d.findElement(By.id("send")).isEnabled());

    assertThat(browser.findElement(By.cssSelector(".msg.user .body")).getText())
        .isEqualTo("Where is the\nzanzibar key?");
    assertThat(message.getDomProperty("value")).isEmpty();
    WebElement tool = browser.findElement(By.cssSelector(".tool"));
    assertThat(tool.findElement(By.className("tool-name")).getText()).isEqualTo("memory_search");
    assertThat(tool.findElement(By.className("tool-result")).getText()).startsWith("→ ").contains("MEMORY.md")
        .doesNotContain("<tool_output");
    WebElement answer = browser.findElement(By.cssSelector(".msg.assistant .body"));
    assertThat(answer.findElement(By.tagName("strong")).getText()).isEqualTo("zanzibar");
    assertThat(answer.findElement(By.tagName("code")).getText()).isEqualTo("MEMORY.md");
    assertThat(answer.findElements(By.cssSelector("li"))).hasSize(2);
    List<String> streamed = answerTexts();
    assertThat(streamed).as("the answer grows delta by delta").hasSizeGreaterThan(3);
    for (int i = 1; i < streamed.size(); i++) {
      assertThat(streamed.get(i)).startsWith(streamed.get(i - 1));
    }

    String sessionId = HttpJson.MAPPER.readTree(server.http.get("/api/sessions").body())
        .at("/sessions/0/session_id").asText();
    WebElement current = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#sessions button.session[data-id='" + sessionId + "']")));
    assertThat(current.getAttribute("aria-current")).isEqualTo("true");

    WebElement search = browser.findElement(By.id("search-q"));
    search.sendKeys("zanzibar");
    search.sendKeys(Keys.ENTER);
    WebElement hit = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .hit")));
    assertThat(hit.findElement(By.className("hit-file")).getText()).isEqualTo("MEMORY.md");
    assertThat(hit.findElement(By.className("hit-lines")).getText()).matches("lines? \\d+(–\\d+)?");
    assertThat(hit.findElement(By.className("hit-score")).getText()).matches("score \\d+\\.\\d{3}");
    assertThat(hit.findElement(By.className("hit-snippet")).getText()).contains("zanzibar key hangs");

    browser.findElement(By.id("new-session")).click();
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#sessions button.session"), 2));
    assertThat(browser.findElements(By.cssSelector("#log .msg"))).isEmpty();
    browser.findElement(By.cssSelector("#sessions button.session[data-id='" + sessionId + "']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".msg.assistant .body"),
        "hangs by the blue door"));
    assertThat(browser.findElement(By.cssSelector(".msg.user .body")).getText())
        .isEqualTo("Where is the\nzanzibar key?");
    assertThat(browser.findElement(By.cssSelector(".tool .tool-name")).getText()).isEqualTo("memory_search");
    wait.until(ExpectedConditions.attributeToBe(
        By.cssSelector("#sessions button.session[data-id='" + sessionId + "']"), "aria-current", "true"));
    screenshot(SCREENSHOT);

    WebElement toolSummary = browser.findElement(By.cssSelector(".tool summary"));
    toolSummary.click();
    assertThat(browser.findElement(By.cssSelector(".tool .tool-output")).getText()).contains("zanzibar key hangs");
    toolSummary.click();
    browser.manage().window().setSize(new Dimension(420, 900));
    screenshot(NARROW_SCREENSHOT);
    assertThat(severeConsoleMessages()).as("browser console errors (CSP, scripts, 404s)").isEmpty();
  }

  @Test
  void withATokenThePageAsksOnceAndKeepsItForTheTab() {
    server = ServerFixture.start(home, ScriptedChatModel.replying(), "", b -> b
        .config(new ServerConfig(true, 31_327, "127.0.0.1", Optional.of("open-sesame")))
        .port(0)
        .limits(ServerLimits.DEFAULTS.withoutRateLimit()));
    browser = chromium(1000, 700);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get("http://127.0.0.1:" + server.server.port() + "/");

    WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-dialog")));
    WebElement token = browser.findElement(By.id("token"));
    assertThat(browser.switchTo().activeElement()).isEqualTo(token);
    token.sendKeys("wrong", Keys.ENTER);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-why"), "token is wrong"));
    assertThat(dialog.isDisplayed()).isTrue();
    token.sendKeys("open-sesame", Keys.ENTER);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Model: scripted/fake"));
    assertThat(dialog.isDisplayed()).isFalse();

    browser.navigate().refresh();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Model: scripted/fake"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sessions"), "No sessions yet"));
    assertThat(browser.findElement(By.id("token-dialog")).isDisplayed()).isFalse();
  }

  private WebDriver chromium(int width, int height) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    return new ChromeDriver(service, options);
  }

  /** Records each text the streaming answer shows: every delta replaces the body's text node. */
  private void recordAnswerTexts() {
    ((JavascriptExecutor) browser).executeScript("""
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
    return (List<String>) ((JavascriptExecutor) browser).executeScript("return window.answerTexts;");
  }

  private List<String> severeConsoleMessages() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  private void screenshot(Path target) throws IOException {
    Path png = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.createDirectories(target.getParent());
    Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
  }
}
