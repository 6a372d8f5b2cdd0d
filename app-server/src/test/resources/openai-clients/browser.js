// Run by OpenAiBrowserSdkIT inside a page on another localhost origin than the API, as WebDriver's async script:
// the official OpenAI SDK (its ESM build, served beside the page) calls LocalGPT across origins, so every request
// is a CORS request with a preflight for the SDK's own x-stainless-* headers. Reports one JSON string.
const [baseURL, token, done] = arguments;
(async () => {
  const { default: OpenAI } = await import('/openai/index.mjs');
  const client = new OpenAI({ baseURL, apiKey: token, dangerouslyAllowBrowser: true, maxRetries: 0 });
  const messages = [{ role: 'user', content: 'Where is the key?' }];
  const out = {};
  const { data } = await client.chat.completions.create({ model: 'localgpt', messages }).withResponse();
  out.content = data.choices[0].message.content;
  out.requestId = data._request_id;
  const stream = await client.chat.completions.create({ model: 'localgpt', messages, stream: true });
  out.streamed = '';
  for await (const chunk of stream) out.streamed += chunk.choices[0]?.delta?.content ?? '';
  try {
    await new OpenAI({ baseURL, apiKey: 'wrong-token', dangerouslyAllowBrowser: true, maxRetries: 0 }).models.list();
  } catch (e) {
    out.badToken = { name: e.constructor.name, status: e.status ?? null, message: e.message, requestId: e.requestID ?? null };
  }
  return out;
})().then(
  (out) => done(JSON.stringify(out)),
  (e) => done(JSON.stringify({ crashed: String(e && e.stack ? e.stack : e) })),
);
