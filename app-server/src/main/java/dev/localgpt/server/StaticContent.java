package dev.localgpt.server;

import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import java.util.Optional;

/**
 * The web page's files: served at {@code /} from a classpath folder (e.g. {@code web/} in
 * app-server's resources) with {@code index.html} as the welcome file. Pass the service to {@link
 * LocalGptServer.Builder#staticContent}.
 */
public final class StaticContent {
  /** The classpath folder of LocalGPT's web page. */
  public static final String WEB = "web";

  private StaticContent() {}

  /** The files under classpath {@code folder}, or empty when it holds no {@code index.html}. */
  public static Optional<HttpService> classpath(String folder) {
    ClassLoader loader = StaticContent.class.getClassLoader();
    if (loader.getResource(folder + "/index.html") == null) {
      return Optional.empty();
    }
    return Optional.of(
        StaticContentFeature.createService(
            ClasspathHandlerConfig.builder()
                .location(folder)
                .classLoader(loader)
                .welcome("index.html")
                .build()));
  }
}
