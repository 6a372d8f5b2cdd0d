package dev.localgpt.ports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WebFetcher} promises, run on each adapter and on the {@link StaticWebFetcher}
 * fake: a page comes back with its status, title and readable text (non-2xx statuses as pages, not
 * errors); URLs that are not http(s), and private, link-local or metadata addresses, are refused
 * with {@link WebFetchException.Kind#REFUSED}.
 */
public abstract class WebFetcherContract {

  /** The fetcher under test; it must be able to fetch what {@link #serve} serves. */
  protected abstract WebFetcher fetcher();

  /**
   * Serves one HTML page whose title is {@code title} and whose body is one paragraph of {@code
   * text}, with {@code status}.
   *
   * @return its absolute URL
   */
  protected abstract String serve(int status, String title, String text);

  @Test
  void givesThePageWithStatusTitleAndReadableText() {
    String url = serve(200, "Tea & Cakes", "Green tea, scones and cake.");

    WebPage page = fetcher().fetch(url);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.title()).isEqualTo("Tea & Cakes");
    assertThat(page.text()).contains("Green tea, scones and cake.").doesNotContain("<");
    assertThat(page.truncated()).isFalse();
  }

  @Test
  void errorStatusesArePagesNotExceptions() {
    String url = serve(404, "Not here", "No such page.");

    assertThat(fetcher().fetch(url).status()).isEqualTo(404);
  }

  @Test
  void refusesNonHttpUrlsAndPrivateOrMetadataAddresses() {
    for (String url :
        List.of(
            "file:///etc/passwd",
            "ftp://example.org/x",
            "http://169.254.169.254/latest/meta-data",
            "http://10.0.0.1/",
            "http://192.168.1.1/admin")) {
      assertThatThrownBy(() -> fetcher().fetch(url))
          .as(url)
          .isInstanceOfSatisfying(
              WebFetchException.class,
              e -> assertThat(e.kind()).isEqualTo(WebFetchException.Kind.REFUSED));
    }
  }
}
