// Drives LocalGPT's /v1 endpoints with the Vercel AI SDK's OpenAI-compatible provider and prints what it saw as
// one JSON object. Usage: node ai-sdk.cjs <clients-dir> <base-url> <token>
'use strict';
const { createRequire } = require('node:module');
const path = require('node:path');

const [clientsDir, baseURL, token] = process.argv.slice(2);
const load = createRequire(path.join(clientsDir, 'package.json'));
const { generateText, streamText, APICallError } = load('ai');
const { createOpenAICompatible } = load('@ai-sdk/openai-compatible');

function provider(apiKey) {
  return createOpenAICompatible({ name: 'localgpt', baseURL, apiKey });
}

function failure(e) {
  const cause = APICallError.isInstance(e) ? e : e.lastError ?? e.cause ?? e;
  return {
    name: cause.name,
    isAPICallError: APICallError.isInstance(cause),
    statusCode: cause.statusCode ?? null,
    message: cause.message,
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
  const out = { sdkVersion: load('ai/package.json').version };
  const model = provider(token).chatModel('localgpt', {}, { includeUsage: true });

  await check('generate', async () => {
    const result = await generateText({ model, system: 'Answer briefly.', prompt: 'Where is the key?', maxRetries: 0 });
    return { text: result.text, finishReason: result.finishReason, usage: result.usage, id: result.response.id };
  }, out);

  await check('stream', async () => {
    const errors = [];
    const result = streamText({
      model,
      prompt: 'Where is the key?',
      maxRetries: 0,
      onError: ({ error }) => errors.push(String(error)),
    });
    let text = '';
    let parts = 0;
    for await (const delta of result.textStream) {
      text += delta;
      parts++;
    }
    return { text, parts, finishReason: await result.finishReason, usage: await result.usage, errors };
  }, out);

  await check('badToken', async () => {
    await generateText({ model: provider('wrong-token').chatModel('localgpt'), prompt: 'hi', maxRetries: 0 });
    return { unexpected: 'accepted' };
  }, out);

  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  process.stdout.write(JSON.stringify({ crashed: String(e && e.stack ? e.stack : e) }) + '\n');
  process.exitCode = 1;
});
