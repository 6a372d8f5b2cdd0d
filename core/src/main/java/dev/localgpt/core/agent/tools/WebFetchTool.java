package dev.localgpt.core.agent.tools;

import dev.localgpt.ports.llm.ToolSpec;
import dev.localgpt.ports.web.WebFetchException;
import dev.localgpt.ports.web.WebFetcher;
import dev.localgpt.ports.web.WebPage;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * {@code web_fetch}: fetches a URL through the {@link WebFetcher} port (which does the SSRF checks
 * after DNS) and returns {@code Status/URL/Content-Type} plus the page text, fenced as external
 * content.
 */
public final class WebFetchTool implements Tool {
  private static final ToolSpec SPEC =
      new ToolSpec(
          "web_fetch",
          "Fetch a web page and return its readable text. Only public http(s) URLs.",
          Schemas.object(
              Schemas.required("url"), Schemas.prop("url", "string", "The http(s) URL to fetch")));

  private final WebFetcher fetcher;
  private final ToolSettings settings;

  public WebFetchTool(WebFetcher fetcher, ToolSettings settings) {
    this.fetcher = fetcher;
    this.settings = settings;
  }

  @Override
  public ToolEffect effect() {
    return ToolEffect.NETWORK;
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public UntrustedBlock.Kind outputKind() {
    return UntrustedBlock.Kind.EXTERNAL_CONTENT;
  }

  @Override
  public String detail(JsonArgs args) {
    return args.optString("url").orElse("");
  }

  @Override
  public ToolOutcome execute(JsonArgs args) {
    String url = args.string("url").strip();
    String host = checkedHost(url);
    if (!settings.allowedDomains().isEmpty() && !domainAllowed(host)) {
      throw new ToolException(
          "host '"
              + host
              + "' is not in tools.web_fetch allowed domains "
              + settings.allowedDomains());
    }
    WebPage page;
    try {
      page = fetcher.fetch(url);
    } catch (WebFetchException e) {
      return ToolOutcome.error("Error: fetching " + url + " failed: " + e.getMessage());
    }
    String body = page.title().isEmpty() ? page.text() : "# " + page.title() + "\n\n" + page.text();
    int max = settings.webFetchMaxChars();
    if (body.length() > max) {
      body = body.substring(0, max) + "\n\n[Truncated, " + page.bytesRead() + " bytes total]";
    } else if (page.truncated()) {
      body = body + "\n\n[Truncated at the download cap, " + page.bytesRead() + " bytes read]";
    }
    return new ToolOutcome(
        "Status: "
            + page.status()
            + "\nURL: "
            + page.url()
            + "\nContent-Type: "
            + page.contentType()
            + "\n\n"
            + body,
        page.status() >= 400);
  }

  private static String checkedHost(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new ToolException("not a valid URL: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ToolException("only http and https URLs can be fetched, not '" + url + "'");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new ToolException("URL has no host: " + url);
    }
    return uri.getHost().toLowerCase(Locale.ROOT);
  }

  private boolean domainAllowed(String host) {
    return settings.allowedDomains().stream()
        .anyMatch(d -> host.equals(d) || host.endsWith("." + d));
  }
}
