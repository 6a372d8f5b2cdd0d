// Produces the golden token ids and vectors under src/test/resources/golden/ with transformers.js, the reference
// implementation. Not run by the build; kept to document where the numbers come from.
//
// Setup (outside the repo), used for the committed files with @huggingface/transformers 4.3.1 on Node 20:
//   mkdir /tmp/tjs && cd /tmp/tjs && npm init -y && npm install --ignore-scripts @huggingface/transformers
//   For each model, a folder models/<id>/ holding the jar's <id>-tokenizer.json renamed to tokenizer.json, the jar's
//   <id>.onnx as onnx/model_quantized.onnx (q8 models) or onnx/model.onnx (fp32), config.json
//   {"model_type":"bert","hidden_size":384} and tokenizer_config.json {"tokenizer_class":"BertTokenizer"}.
//   node generate-golden.mjs /tmp/tjs/models <repo>/adapter-embeddings/src/test/resources/golden [id ...]
//   (ids given: only those models; e5-small-v2-q was added this way with the same transformers version)
//
// Document prefix: a model trained with one (e5's "passage: ") gets it before every text, as OnnxEmbedder.embed
// does; the file keeps the bare text and the ids and vector of prefix + text.
//
// Truncation: transformers.js truncates *after* adding [CLS]/[SEP], so a long text loses its final [SEP]. The
// Python tokenizers (and sentence-transformers, which trained these models) keep it: the first (max - 2) word
// pieces, then [SEP]. This script therefore tokenizes without truncation, truncates the Python way itself, and
// feeds those ids to the model. Each text runs alone (batch of 1, no padding); pooling is done here over all tokens.
import { env, AutoTokenizer, AutoModel, Tensor } from '@huggingface/transformers';
import fs from 'node:fs';
import path from 'node:path';

const [modelsDir, outDir, ...only] = process.argv.slice(2);
env.allowRemoteModels = false;
env.localModelPath = modelsDir + '/';

const MODELS = [
  { id: 'all-minilm-l6-v2-q', dtype: 'q8', pooling: 'mean', maxTokens: 256 },
  { id: 'all-minilm-l6-v2', dtype: 'fp32', pooling: 'mean', maxTokens: 256 },
  { id: 'bge-small-en-v1.5-q', dtype: 'q8', pooling: 'cls', maxTokens: 512 },
  { id: 'e5-small-v2-q', dtype: 'q8', pooling: 'mean', maxTokens: 512, documentPrefix: 'passage: ' },
];

const paragraph =
  'Retrieval-augmented generation combines a search index with a language model. The index returns passages, ' +
  'the model reads them, and the answer cites where each fact came from. Chunking, embedding and fusion all matter. ';
const TEXTS = [
  'Hello, world!',
  'Café naïve résumé — Ångström façade, crème brûlée',
  '我爱自然语言处理。東京タワーへ行きます 한국어',
  'I love 🍕 and 👩‍💻 coding! 🎉🎉',
  'public static void main(String[] args) { System.out.println("hi"); } // x += 1;',
  'Wait... what?!? (really) [yes] {no} <maybe> \'quoted\' "double" ¿qué? ¡sí! «guillemets» – dash',
  paragraph.repeat(8),
  '',
  '   \t\n  ',
  'ThIs Is MiXeD CaSe, iPhone vs IPHONE, McDonald\'s',
  'See https://example.com/path?query=1&x=y#frag or mailto:someone@example.org',
  '3.14159 1,000,000 -42 1e-10 0x1F 2026-11-25 12:30:00 $19.99 50% ½ ²',
  'a'.repeat(120) + ' supercalifragilisticexpialidocious unbelievably',
  'zero\u200bwidth\u00a0nbsp soft\u00adhyphen tab\there\u0000null\ufffdrepl\u0007bell',
  'Ελληνικά Русский язык العربية Straße İstanbul ﬁnance',
  '# Heading\n\n- item **bold** _it_ `code`\n> quote | table |',
];

function truncate(ids, maxTokens) {
  if (ids.length <= maxTokens) return ids;
  return [...ids.slice(0, maxTokens - 1), ids[ids.length - 1]];
}

for (const m of MODELS.filter((m) => only.length === 0 || only.includes(m.id))) {
  const prefix = m.documentPrefix ?? '';
  const tokenizer = await AutoTokenizer.from_pretrained(m.id);
  const model = await AutoModel.from_pretrained(m.id, { dtype: m.dtype });
  const cases = [];
  for (const text of TEXTS) {
    const full = tokenizer(prefix + text, { add_special_tokens: true }).input_ids.tolist()[0].map(Number);
    const ids = truncate(full, m.maxTokens);
    const n = ids.length;
    const toTensor = (values) => new Tensor('int64', BigInt64Array.from(values.map(BigInt)), [1, n]);
    const out = await model({
      input_ids: toTensor(ids),
      attention_mask: toTensor(ids.map(() => 1)),
      token_type_ids: toTensor(ids.map(() => 0)),
    });
    const hidden = out.last_hidden_state;
    const dim = hidden.dims[2];
    const data = hidden.data;
    const vec = new Array(dim).fill(0);
    if (m.pooling === 'cls') {
      for (let d = 0; d < dim; d++) vec[d] = data[d];
    } else {
      for (let t = 0; t < n; t++) for (let d = 0; d < dim; d++) vec[d] += data[t * dim + d] / n;
    }
    const norm = Math.sqrt(vec.reduce((s, v) => s + v * v, 0));
    cases.push({ text, ids, vector: vec.map((v) => Number((v / norm).toFixed(6))) });
  }
  const file = path.join(outDir, `${m.id}.json`);
  fs.writeFileSync(file, JSON.stringify({
    model: m.id, reference: '@huggingface/transformers 4.3.1, dtype ' + m.dtype,
    pooling: m.pooling, maxTokens: m.maxTokens, ...(prefix ? { documentPrefix: prefix } : {}), cases,
  }, null, 1) + '\n');
  console.log('wrote', file, cases.length, 'cases');
}
