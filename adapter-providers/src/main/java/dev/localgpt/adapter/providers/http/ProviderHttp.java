package dev.localgpt.adapter.providers.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ModelException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One provider's HTTP access: a shared {@link OkHttpClient} with timeouts, JSON bodies, and the
 * status check before a stream is read. Never logs headers (they hold API keys).
 */
public final class ProviderHttp {
  /** The JSON mapper all adapters share. */
  public static final ObjectMapper JSON = new ObjectMapper();

  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  private final OkHttpClient client;
  private final String provider;
  private final String authHint;

  /**
   * @param provider name used in messages, e.g. {@code openai}
   * @param authHint how to fix an auth failure, e.g. "set OPENAI_API_KEY or
   *     providers.openai.api_key"
   */
  public ProviderHttp(OkHttpClient client, String provider, String authHint) {
    this.client = client;
    this.provider = provider;
    this.authHint = authHint;
  }

  /**
   * A client with the given connect timeout and read timeout (the longest wait between two stream
   * bytes).
   */
  public static OkHttpClient client(Duration connectTimeout, Duration readTimeout) {
    return new OkHttpClient.Builder()
        .connectTimeout(connectTimeout)
        .readTimeout(readTimeout)
        .writeTimeout(connectTimeout.plus(readTimeout))
        .retryOnConnectionFailure(false)
        .build();
  }

  /** The URL without one trailing {@code /}, so paths can be appended. */
  public static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  public String provider() {
    return provider;
  }

  /**
   * POSTs {@code body} as JSON and returns the open 2xx response; the caller closes it.
   *
   * @throws ModelException for a non-2xx status or an I/O failure
   */
  public Response postJson(String url, Map<String, String> headers, JsonNode body) {
    return execute(jsonRequest(url, headers, body));
  }

  /**
   * POSTs {@code body} as JSON for a streamed reply, watching {@code listener} for cancellation;
   * the caller closes the result. When cancelled before the response arrives, {@link
   * StreamingCall#source()} is null.
   *
   * @throws ModelException for a non-2xx status or an I/O failure
   */
  public StreamingCall stream(
      String url, Map<String, String> headers, JsonNode body, ChatListener listener) {
    Call call = client.newCall(jsonRequest(url, headers, body));
    StreamingCall streaming = new StreamingCall(call, listener);
    try {
      streaming.response(check(call.execute()));
      return streaming;
    } catch (IOException e) {
      if (call.isCanceled()) {
        return streaming;
      }
      streaming.close();
      throw HttpErrors.fromIo(provider, url, e);
    } catch (RuntimeException e) {
      streaming.close();
      throw e;
    }
  }

  private static Request jsonRequest(String url, Map<String, String> headers, JsonNode body) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise request", e);
    }
    Request.Builder request =
        new Request.Builder().url(url).post(RequestBody.create(bytes, JSON_TYPE));
    headers.forEach(request::header);
    return request.build();
  }

  /**
   * Executes a request; returns the open 2xx response or throws the mapped {@link ModelException}.
   */
  public Response execute(Request request) {
    Response response;
    try {
      response = client.newCall(request).execute();
    } catch (IOException e) {
      throw HttpErrors.fromIo(provider, request.url().toString(), e);
    }
    return check(response);
  }

  private Response check(Response response) {
    if (response.isSuccessful()) {
      return response;
    }
    try (response) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      throw HttpErrors.fromStatus(provider, response.code(), response.headers(), text, authHint);
    } catch (IOException e) {
      throw HttpErrors.fromStatus(provider, response.code(), response.headers(), "", authHint);
    }
  }

  /** The exception for an I/O failure while reading a stream from {@code url}. */
  public ModelException readFailure(String url, IOException e) {
    return HttpErrors.fromIo(provider, url, e);
  }

  /** Parses one JSON text from the stream or throws INVALID_RESPONSE. */
  public JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw HttpErrors.invalid(provider, "malformed JSON: " + abbreviate(json), e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + "…";
  }
}
