package dev.localgpt.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.heartbeat.HeartbeatOutcome;
import dev.localgpt.core.heartbeat.HeartbeatService;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import dev.localgpt.server.events.ServerEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A heartbeat alert appears on the open web page as a notice (pushed over {@code /api/events}) and
 * can be dismissed. Leaves {@code target/page-alert-screenshot.png}. Skips without the browser.
 */
class WebPageAlertIT {
  private static final Path SCREENSHOT = Path.of("target", "page-alert-screenshot.png");

  @TempDir Path home;
  @TempDir Path profile;

  @Test
  void aHeartbeatAlertIsShownAsANoticeOnThePage() throws Exception {
    HeadlessChromium.assumeInstalled();
    ScriptedChatModel model =
        ScriptedChatModel.replying(Reply.text("The backup disk is 97% full: free some space."));
    try (ServerFixture server = ServerFixture.start(home, model)) {
      Files.writeString(
          server.workspace().root().resolve("HEARTBEAT.md"), "- [ ] Check the backup disk\n");
      ChromeDriver browser = HeadlessChromium.start(profile, 1280, 860);
      try {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://127.0.0.1:" + server.server.port() + "/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Model:"));
        ServerEvents events = server.injector.getInstance(ServerEvents.class);
        wait.until(d -> events.subscribers() == 1);

        HeartbeatOutcome outcome = server.injector.getInstance(HeartbeatService.class).runOnce();
        String alert = ((HeartbeatOutcome.Ran) outcome).alert().orElseThrow();

        WebElement notice =
            wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#notices .notice")));
        assertThat(notice.getAttribute("role")).isEqualTo("alert");
        assertThat(notice.findElement(By.className("notice-head")).getText())
            .startsWith("Heartbeat alert · ");
        assertThat(notice.findElement(By.className("notice-text")).getText())
            .isEqualTo(alert)
            .isEqualTo("The backup disk is 97% full: free some space.");
        HeadlessChromium.screenshot(browser, SCREENSHOT);
        notice.findElement(By.className("notice-dismiss")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#notices .notice"), 0));
        assertThat(HeadlessChromium.consoleErrors(browser)).as("browser console errors").isEmpty();
      } finally {
        browser.quit();
      }
    }
  }
}
