package dev.localgpt.ports.web;

/**
 * Fetches a web page and extracts its readable text.
 *
 * <p>Implementations are thread-safe and block until the page is read. They refuse URLs that are
 * not http(s), hosts that resolve to private, loopback or link-local addresses (checked after DNS
 * resolution and on every redirect), hosts outside a configured allowlist, and bodies over a
 * configured size (those are cut, not refused).
 */
public interface WebFetcher {

  /**
   * Fetches {@code url}.
   *
   * @param url an absolute {@code http} or {@code https} URL; not null
   * @return the page, never null; non-2xx statuses are returned as pages, not thrown
   * @throws WebFetchException when the URL is refused or the fetch fails (network, timeout)
   */
  WebPage fetch(String url);
}
