# Offline fusion study behind docs/benchmarks.md ("Chat logs" and "Fusion: what was tried"). Recomputes fusions from
# the leg candidates `localgpt bench retrieval --keep DIR` dumps (legs-<model>.tsv), on several sets at once, for the
# real legs and the weak-leg cases (bm25-half: BM25 on every other query word, from the dump; hash: a hashed
# bag-of-words "embedder" over the chunk texts of the kept index). Fusion as HybridSearch does it: each leg's
# candidates fused per chunk, top 100 chunks, a document scores as its best chunk (the Relevance floor is left out:
# it changes only the vector-alone row).
# Usage: python3 fusion_study.py NAME=DIR[,BEIRDIR] ...   (DIR: the --keep folder; BEIRDIR: corpus.jsonl,
#        queries.jsonl and qrels/test.tsv or qrels-test.tsv; needs numpy)
import sys, os, re, csv, json, math, sqlite3, zlib, collections
import numpy as np

def load(keep, beir):
    qrels = collections.defaultdict(dict)
    qf = os.path.join(beir, 'qrels', 'test.tsv')
    for row in csv.reader(open(qf if os.path.exists(qf) else os.path.join(beir, 'qrels-test.tsv')), delimiter='\t'):
        if len(row) >= 3 and row[0] != 'query-id':
            qrels[row[0]][row[1]] = int(row[2])
    legs = collections.defaultdict(lambda: collections.defaultdict(list))
    dump = [f for f in os.listdir(keep) if f.startswith('legs-')][0]
    for r in csv.DictReader(open(os.path.join(keep, dump)), delimiter='\t'):
        legs[r['query']][r['leg']].append((int(r['chunk']), float(r['score'])))
    corpus = [json.loads(l)['_id'] for l in open(os.path.join(beir, 'corpus.jsonl'))]
    texts = {json.loads(l)['_id']: json.loads(l)['text'] for l in open(os.path.join(beir, 'queries.jsonl'))}
    db = [f for f in os.listdir(keep) if f.endswith('.sqlite')][0]
    rows = sqlite3.connect('file:%s?mode=ro' % os.path.join(keep, db), uri=True).execute(
        'select id, path, text from chunks').fetchall()
    doc = {r[0]: corpus[int(re.match(r'docs/d(\d+)\.md', r[1]).group(1))] for r in rows}
    ids = np.array([r[0] for r in rows]); m = np.stack([hvec(r[2]) for r in rows])
    qs = [q for q in legs if q in qrels]
    for q in qs:
        s = m @ hvec(texts[q]); top = np.argsort(-s)[:400]
        legs[q]['hash'] = [(int(ids[i]), float(s[i])) for i in top]
    return qs, legs, doc, qrels

def hvec(t, dims=256):
    v = np.zeros(dims, np.float32)
    for w in re.findall(r'\w+', t.lower()):
        h = zlib.crc32(w.encode()); v[h % dims] += 1 if (h >> 16) & 1 == 0 else -1
    n = np.linalg.norm(v); return v / n if n else v

def evaluate(scores, doc, judged):
    ranked, seen = [], set()
    for c, _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:100]:
        if doc[c] not in seen: seen.add(doc[c]); ranked.append(doc[c])
    dcg = sum(judged.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranked[:10]))
    ideal = sorted([r for r in judged.values() if r > 0], reverse=True)
    return dcg / sum(r / math.log2(i + 2) for i, r in enumerate(ideal[:10]))

def minmax(leg):
    if not leg: return []
    sc = [s for _, s in leg]; lo, hi = min(sc), max(sc)
    return [(s - lo) / (hi - lo) if hi > lo else 1.0 for s in sc]
def maxnorm(leg):
    if not leg: return []
    hi, lo = leg[0][1], min(0, leg[-1][1])
    return [(s - lo) / (hi - lo) if hi > lo else 1.0 for _, s in leg]
def noise_z(leg, start=0.1):  # z-score against the leg's tail (ranks beyond the top 10 %): a per-query noise model
    if not leg: return []
    sc = np.array([s for _, s in leg]); tail = sc[max(1, int(len(sc) * start)):]
    if len(tail) < 2 or tail.std() == 0: return [1.0] * len(sc)
    return list(np.maximum(0, (sc - tail.mean()) / tail.std()))
def conf(norm, k, p):
    k = min(k, len(norm)); return 1.0 if k < 2 else (1 - sum(norm[:k]) / k) ** p
def fuse(kl, vl, wt, wv, nt, nv):
    out = collections.defaultdict(float)
    for (c, _), x in zip(kl, nt): out[c] += wt * x
    for (c, _), x in zip(vl, nv): out[c] += wv * x
    return out

def adaptive(k=20, p=2, norm=minmax):  # HybridSearch ADAPTIVE: weights 0.5 x confidence of the min-max scores
    def f(kl, vl):
        wt, wv = .5 * conf(minmax(kl), k, p), .5 * conf(minmax(vl), k, p)
        return fuse(kl, vl, *((wt, wv) if wt + wv > 0 else (.5, .5)), norm(kl), norm(vl))
    return f
def fixed(norm, wv=.5):
    return lambda kl, vl: fuse(kl, vl, 1 - wv, wv, norm(kl), norm(vl))
def agreement(k=10):  # weight = how well the other leg scores this leg's top k (top-k overlap between legs)
    def f(kl, vl):
        nt, nv = minmax(kl), minmax(vl)
        mt = {c: x for (c, _), x in zip(kl, nt)}; mv = {c: x for (c, _), x in zip(vl, nv)}
        st = sum(mv.get(c, 0) for c, _ in kl[:k]) / max(1, min(k, len(kl)))
        sv = sum(mt.get(c, 0) for c, _ in vl[:k]) / max(1, min(k, len(vl)))
        return fuse(kl, vl, st + 1e-3, sv + 1e-3, nt, nv)
    return f
def truncated(fn, n):  # as if each leg fetched only n candidates (the product's limit x 4)
    return lambda kl, vl: fn(kl[:n], vl[:n])

METHODS = [('adaptive k20 p2 (old)', adaptive(20)), ('adaptive k10 p2', adaptive(10)),
           ('adaptive k40 p2 (new)', adaptive(40)), ('adaptive k40 p3', adaptive(40, 3)),
           ('adaptive k20 p2, max-norm', adaptive(20, 2, maxnorm)), ('min-max 0.5/0.5', fixed(minmax)),
           ('noise-z 0.5/0.5', fixed(noise_z)), ('agreement k10', agreement()),
           ('old, 24 candidates', truncated(adaptive(20), 24)), ('new, 24 candidates', truncated(adaptive(40), 24))]
CASES = [('bm25', 'vector'), ('bm25-half', 'vector'), ('bm25', 'hash'), ('bm25-half', 'hash')]

for arg in sys.argv[1:]:
    name, dirs = arg.split('=', 1)
    keep, beir = dirs.split(',')
    qs, legs, doc, qrels = load(keep, beir)
    mean = lambda fn, a, b: sum(evaluate(fn(legs[q].get(a, []), legs[q].get(b, [])), doc, qrels[q])
                                for q in qs) / len(qs)
    print('== %s (%d queries), nDCG@10: %s' % (name, len(qs), ' | '.join('%s+%s' % c for c in CASES)))
    line = '%-28s' % 'better leg alone'
    for a, b in CASES:
        line += ' %.4f' % max(mean(lambda kl, vl: {c: -i for i, (c, _) in enumerate(kl)}, a, b),
                              mean(lambda kl, vl: {c: -i for i, (c, _) in enumerate(vl)}, a, b))
    print(line)
    for label, fn in METHODS:
        print('%-28s' % label + ''.join(' %.4f' % mean(fn, a, b) for a, b in CASES), flush=True)
