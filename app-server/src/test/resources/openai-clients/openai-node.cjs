// Drives LocalGPT's /v1 endpoints with the official OpenAI Node SDK and prints what it saw as one JSON object.
// Usage: node openai-node.cjs <clients-dir> <base-url> <token> <rate-limited-base-url>
// Each check records its result or the error the SDK raised; OpenAiSdkIT asserts on the JSON.
'use strict';
const { createRequire } = require('node:module');
const path = require('node:path');

const [clientsDir, baseURL, token, limitedURL] = process.argv.slice(2);
const load = createRequire(path.join(clientsDir, 'package.json'));
const OpenAI = load('openai');

const client = new OpenAI({ baseURL, apiKey: token, maxRetries: 0 });
const conversation = [
  { role: 'system', content: 'Answer briefly.' },
  { role: 'user', content: 'Where is the key?' },
];

function failure(e) {
  return {
    name: e && e.constructor ? e.constructor.name : typeof e,
    status: e.status ?? null,
    message: e.message,
    type: e.type ?? null,
    param: e.param ?? null,
    code: e.code ?? null,
    requestId: e.requestID ?? null,
    retryAfter: e.headers ? e.headers.get('retry-after') : null,
    isAPIError: e instanceof OpenAI.APIError,
  };
}

async function check(name, body, out) {
  try {
    out[name] = await body();
  } catch (e) {
    out[name] = { failed: failure(e) };
  }
}

async function main() {
  const out = { sdkVersion: load('openai/version').VERSION };

  await check('completion', async () => {
    const { data, response } = await client.chat.completions
      .create({ model: 'localgpt', messages: conversation })
      .withResponse();
    return {
      id: data.id,
      object: data.object,
      created: data.created,
      model: data.model,
      systemFingerprint: data.system_fingerprint,
      role: data.choices[0].message.role,
      content: data.choices[0].message.content,
      finishReason: data.choices[0].finish_reason,
      usage: data.usage,
      requestId: data._request_id,
      contentType: response.headers.get('content-type'),
    };
  }, out);

  await check('stream', async () => {
    const stream = await client.chat.completions.create({
      model: 'localgpt',
      messages: conversation,
      stream: true,
      stream_options: { include_usage: true },
    });
    const ids = new Set();
    let role = null;
    let text = '';
    let finishReason = null;
    let usage = null;
    let chunks = 0;
    for await (const chunk of stream) {
      chunks++;
      ids.add(chunk.id);
      for (const choice of chunk.choices) {
        role = role ?? choice.delta.role ?? null;
        text += choice.delta.content ?? '';
        finishReason = choice.finish_reason ?? finishReason;
      }
      if (chunk.usage) usage = chunk.usage;
    }
    return { ids: ids.size, role, text, finishReason, usage, chunks };
  }, out);

  await check('streamHelper', async () => {
    const runner = client.chat.completions.stream({ model: 'localgpt', messages: conversation });
    let deltas = '';
    runner.on('content', (delta) => { deltas += delta; });
    const final = await runner.finalChatCompletion();
    return {
      deltas,
      content: final.choices[0].message.content,
      finishReason: final.choices[0].finish_reason,
    };
  }, out);

  await check('models', async () => {
    const ids = [];
    for await (const model of client.models.list()) ids.push(model.id);
    return { ids };
  }, out);

  await check('retrieve', async () => {
    const model = await client.models.retrieve('scripted/fake');
    return { id: model.id, object: model.object, ownedBy: model.owned_by };
  }, out);

  await check('tools', async () => {
    const data = await client.chat.completions.create({
      model: 'localgpt',
      messages: conversation,
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } }],
    });
    return { content: data.choices[0].message.content, finishReason: data.choices[0].finish_reason };
  }, out);

  await check('toolChoiceRequired', async () => {
    await client.chat.completions.create({
      model: 'localgpt',
      messages: conversation,
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } }],
      tool_choice: 'required',
    });
    return { unexpected: 'accepted' };
  }, out);

  await check('badToken', async () => {
    await new OpenAI({ baseURL, apiKey: 'wrong-token', maxRetries: 0 }).models.list();
    return { unexpected: 'accepted' };
  }, out);

  await check('badRequest', async () => {
    await client.chat.completions.create({ model: 'localgpt', messages: [{ role: 'assistant', content: 'hi' }] });
    return { unexpected: 'accepted' };
  }, out);

  await check('unknownModel', async () => {
    await client.chat.completions.create({ model: 'nope-4', messages: conversation });
    return { unexpected: 'accepted' };
  }, out);

  await check('rateLimited', async () => {
    const limited = new OpenAI({ baseURL: limitedURL, apiKey: token, maxRetries: 0 });
    for (let i = 0; i < 5; i++) await limited.models.list();
    return { unexpected: 'never limited' };
  }, out);

  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  process.stdout.write(JSON.stringify({ crashed: String(e && e.stack ? e.stack : e) }) + '\n');
  process.exitCode = 1;
});
