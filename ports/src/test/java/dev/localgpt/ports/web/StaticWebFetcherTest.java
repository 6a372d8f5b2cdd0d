package dev.localgpt.ports.web;

class StaticWebFetcherTest extends WebFetcherContract {
  private final StaticWebFetcher fetcher = new StaticWebFetcher();

  @Override
  protected WebFetcher fetcher() {
    return fetcher;
  }

  @Override
  protected String serve(int status, String title, String text) {
    String url = "https://example.org/" + status;
    fetcher.with(new WebPage(url, status, "text/html", title, text, text.length(), false));
    return url;
  }
}
