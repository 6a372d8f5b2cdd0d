package dev.localgpt.adapter.providers.web;

import dev.localgpt.ports.web.WebFetchException;
import dev.localgpt.ports.web.WebFetcher;
import dev.localgpt.ports.web.WebPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * {@link WebFetcher} over OkHttp. Every hop (the URL and each of at most 10 redirects) is checked:
 * scheme http(s), host in the allowlist (if one is set), and every resolved address public —
 * loopback only with the test flag. The body is read up to {@code maxBytes}; HTML is reduced to
 * text.
 */
public final class OkHttpWebFetcher implements WebFetcher {
  static final int MAX_REDIRECTS = 10;

  private final OkHttpClient client;
  private final AddressPolicy policy;
  private final long maxBytes;
  private final List<String> allowedDomains;
  private final String userAgent;

  private OkHttpWebFetcher(Builder b) {
    this.policy = new AddressPolicy(b.allowLoopback);
    this.maxBytes = b.maxBytes;
    this.allowedDomains =
        b.allowedDomains.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).toList();
    this.userAgent = b.userAgent;
    this.client =
        new OkHttpClient.Builder()
            .proxy(Proxy.NO_PROXY)
            .dns(new GuardedDns(policy))
            .followRedirects(false)
            .followSslRedirects(false)
            .callTimeout(b.timeout)
            .addNetworkInterceptor(
                chain -> {
                  InetAddress connected = chain.connection().route().socketAddress().getAddress();
                  String why = connected == null ? null : policy.refusal(connected);
                  if (why != null) {
                    throw new RefusedException(
                        "refused: " + connected.getHostAddress() + " is a " + why + " address");
                  }
                  return chain.proceed(chain.request());
                })
            .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public WebPage fetch(String url) {
    HttpUrl current = HttpUrl.parse(url == null ? "" : url.strip());
    if (current == null) {
      throw new WebFetchException(
          WebFetchException.Kind.REFUSED,
          "not an http(s) URL: '" + url + "'; give a full URL such as https://example.com/page");
    }
    for (int hop = 0; ; hop++) {
      checkHost(current);
      Request request =
          new Request.Builder()
              .url(current)
              .header("User-Agent", userAgent)
              .header("Accept", "text/html,text/plain,application/json;q=0.9,*/*;q=0.5")
              .build();
      try (Response response = client.newCall(request).execute()) {
        if (response.isRedirect()) {
          String location = response.header("Location");
          HttpUrl next = location == null ? null : current.resolve(location);
          if (next == null) {
            throw new WebFetchException(
                WebFetchException.Kind.REFUSED, "redirect without a usable Location");
          }
          if (hop + 1 > MAX_REDIRECTS) {
            throw new WebFetchException(
                WebFetchException.Kind.REFUSED, "more than " + MAX_REDIRECTS + " redirects");
          }
          current = next;
          continue;
        }
        return read(current, response);
      } catch (RefusedException e) {
        throw new WebFetchException(WebFetchException.Kind.REFUSED, e.getMessage(), e);
      } catch (InterruptedIOException e) {
        throw new WebFetchException(
            WebFetchException.Kind.TIMEOUT, "timed out fetching " + current, e);
      } catch (IOException e) {
        throw new WebFetchException(
            WebFetchException.Kind.NETWORK, "cannot fetch " + current + ": " + e.getMessage(), e);
      }
    }
  }

  private void checkHost(HttpUrl url) {
    String host = url.host().toLowerCase(Locale.ROOT);
    if (!allowedDomains.isEmpty()
        && allowedDomains.stream().noneMatch(d -> host.equals(d) || host.endsWith("." + d))) {
      throw new WebFetchException(
          WebFetchException.Kind.REFUSED,
          "refused: host " + host + " is not in the allowed domains " + allowedDomains);
    }
    if (host.contains(":") || host.matches("[0-9.]+")) {
      try {
        InetAddress literal = InetAddress.getByName(host);
        String why = policy.refusal(literal);
        if (why != null) {
          throw new WebFetchException(
              WebFetchException.Kind.REFUSED, "refused: " + host + " is a " + why + " address");
        }
      } catch (java.net.UnknownHostException e) {
        throw new WebFetchException(
            WebFetchException.Kind.REFUSED, "refused: bad address " + host, e);
      }
    }
  }

  private WebPage read(HttpUrl url, Response response) throws IOException {
    ResponseBody body = response.body();
    MediaType type = body.contentType();
    String contentType = response.header("Content-Type", "");
    byte[] bytes;
    try (InputStream in = body.byteStream()) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    }
    boolean truncated = bytes.length > maxBytes;
    int length = truncated ? (int) maxBytes : bytes.length;
    Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
    String raw = new String(bytes, 0, length, charset);
    String subtype =
        type == null ? "" : (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
    String title = "";
    String text;
    if (subtype.contains("html") || (subtype.isEmpty() && raw.stripLeading().startsWith("<"))) {
      title = HtmlText.title(raw);
      text = HtmlText.text(raw);
    } else if (subtype.isEmpty()
        || subtype.startsWith("text/")
        || subtype.contains("json")
        || subtype.contains("xml")
        || subtype.contains("javascript")) {
      text = raw;
    } else {
      text = "[" + subtype + " content is not text; not shown]";
    }
    return new WebPage(
        url.toString(), response.code(), contentType, title, text, length, truncated);
  }

  /** Settings of the fetcher. */
  public static final class Builder {
    private long maxBytes = 2_000_000;
    private List<String> allowedDomains = List.of();
    private boolean allowLoopback;
    private Duration timeout = Duration.ofSeconds(30);
    private String userAgent = "LocalGPT/0.1 (Java)";

    private Builder() {}

    /**
     * Body bytes to read at most (default 2,000,000); the rest is cut and the page marked
     * truncated.
     */
    public Builder maxBytes(long maxBytes) {
      this.maxBytes = maxBytes;
      return this;
    }

    /** If not empty, only these hosts and their subdomains are fetched. */
    public Builder allowedDomains(List<String> domains) {
      this.allowedDomains = List.copyOf(domains);
      return this;
    }

    /** For tests against a loopback server only; never set it in production wiring. */
    public Builder allowLoopbackForTests(boolean allow) {
      this.allowLoopback = allow;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    public OkHttpWebFetcher build() {
      if (maxBytes <= 0) {
        throw new IllegalArgumentException("'maxBytes' must be > 0, was " + maxBytes);
      }
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("'timeout' must be > 0, was " + timeout);
      }
      return new OkHttpWebFetcher(this);
    }
  }
}
