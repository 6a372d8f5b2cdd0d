package dev.localgpt.server;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * {@code GET /health}: plain text {@code OK} (as the Rust LocalGPT answers), exempt from the rate
 * limit.
 */
final class HealthService implements HttpService {
  static final String PATH = "/health";

  @Override
  public void routing(HttpRules rules) {
    rules.get(
        PATH,
        (req, res) -> {
          res.header(HeaderNames.CONTENT_TYPE, MediaTypes.TEXT_PLAIN.text());
          res.send("OK");
        });
    rules.any(PATH, ErrorMapper.methodNotAllowed("GET"));
  }
}
