package dev.localgpt.ports.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fake {@link WebFetcher} serving pages put into it, with the port's refusals: only http(s) URLs,
 * and no private, loopback or link-local IP literals (it never resolves names). An unknown URL is a
 * NETWORK failure.
 */
public final class StaticWebFetcher implements WebFetcher {
  private final Map<String, WebPage> pages = new ConcurrentHashMap<>();

  /** Serves {@code page} at its URL. */
  public StaticWebFetcher with(WebPage page) {
    pages.put(page.url(), page);
    return this;
  }

  @Override
  public WebPage fetch(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new WebFetchException(WebFetchException.Kind.REFUSED, "not an http(s) URL: " + url);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || uri.getHost() == null) {
      throw new WebFetchException(WebFetchException.Kind.REFUSED, "not an http(s) URL: " + url);
    }
    String host = uri.getHost();
    if (host.matches("[0-9.]+|\\[[0-9a-fA-F:.]+]")) {
      try {
        InetAddress address = InetAddress.getByName(host);
        if (address.isLoopbackAddress()
            || address.isSiteLocalAddress()
            || address.isLinkLocalAddress()
            || address.isAnyLocalAddress()) {
          throw new WebFetchException(WebFetchException.Kind.REFUSED, "private address " + host);
        }
      } catch (UnknownHostException e) {
        throw new WebFetchException(WebFetchException.Kind.REFUSED, "bad address " + host);
      }
    }
    WebPage page = pages.get(url);
    if (page == null) {
      throw new WebFetchException(WebFetchException.Kind.NETWORK, "cannot reach " + url);
    }
    return page;
  }
}
