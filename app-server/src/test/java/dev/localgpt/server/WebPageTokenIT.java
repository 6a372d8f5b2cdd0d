package dev.localgpt.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.config.ServerConfig;
import dev.localgpt.ports.llm.ScriptedChatModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web page against a server with {@code server.auth_token}, in a real headless Chromium. */
class WebPageTokenIT {
  @TempDir Path home;
  @TempDir Path profile;

  private ServerFixture server;
  private ChromeDriver browser;

  @BeforeEach
  void start() {
    HeadlessChromium.assumeInstalled();
    server =
        ServerFixture.start(
            home,
            ScriptedChatModel.replying(),
            "",
            b ->
                b.config(new ServerConfig(true, 31_327, "127.0.0.1", Optional.of("open-sesame")))
                    .port(0)
                    .limits(ServerLimits.DEFAULTS.withoutRateLimit()));
    browser = HeadlessChromium.start(profile, 1000, 700);
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
  void thePageAsksForTheTokenUntilItIsRightAndKeepsItForTheTab() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get("http://127.0.0.1:" + server.server.port() + "/");

    WebElement dialog =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-dialog")));
    WebElement token = browser.findElement(By.id("token"));
    assertThat(browser.switchTo().activeElement()).isEqualTo(token);
    token.sendKeys("wrong", Keys.ENTER);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("token-why"), "token is wrong"));
    assertThat(dialog.isDisplayed()).isTrue();
    token.sendKeys("open-sesame", Keys.ENTER);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("status"), "Model: scripted/fake"));
    assertThat(dialog.isDisplayed()).isFalse();

    browser.navigate().refresh();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("status"), "Model: scripted/fake"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("sessions"), "No sessions yet"));
    assertThat(browser.findElement(By.id("token-dialog")).isDisplayed()).isFalse();
  }
}
