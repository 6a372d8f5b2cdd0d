# Offline fusion study behind docs/benchmarks.md ("Robustness to a weak leg"): recomputes every fusion from the
# leg candidates that `localgpt bench retrieval --keep DIR` dumps (legs-<model>.tsv), plus a hashing-embedder leg.
# Usage: python3 fusion_offline.py legs.tsv index.sqlite qrels.tsv queries.jsonl   (needs numpy)
import sys, csv, math, random, re, sqlite3, collections
import numpy as np
legs_file, db, qrels_file = sys.argv[1], sys.argv[2], sys.argv[3]
N = 400
qrels = collections.defaultdict(dict)
for row in csv.reader(open(qrels_file), delimiter='\t'):
    if row[0] == 'query-id': continue
    qrels[row[0]][row[1]] = int(row[2])
legs = collections.defaultdict(lambda: collections.defaultdict(list))  # q -> leg -> [(chunk, doc, score)]
doc_of_chunk = {}
for r in csv.DictReader(open(legs_file), delimiter='\t'):
    legs[r['query']][r['leg']].append((int(r['chunk']), r['doc'], float(r['score'])))
    doc_of_chunk[int(r['chunk'])] = r['doc']
queries = {}
import json
for line in open(sys.argv[4]):
    j = json.loads(line); queries[j['_id']] = j['text']
# hashing-embedder leg from chunk texts
con = sqlite3.connect('file:%s?mode=ro' % db, uri=True)
rows = con.execute('select id, path, text from chunks').fetchall()
WORD = re.compile(r'\w+')
D = 256
def hvec(t):
    v = np.zeros(D, np.float32)
    for w in WORD.findall(t.lower()):
        h = hash(w) & 0xffffffff
        v[h % D] += 1 if (h >> 16) & 1 == 0 else -1
    n = np.linalg.norm(v); return v / n if n else v
ids = np.array([r[0] for r in rows]); M = np.stack([hvec(r[2]) for r in rows])
path_doc = {}
docmap = {}
for r in csv.DictReader(open(legs_file), delimiter='\t'):
    pass
# map chunk -> doc via path: docs/d<n>.md -> corpus order
corpus_ids = [json.loads(l)['_id'] for l in open(sys.argv[5])]
for cid, path, _ in rows:
    m = re.match(r'docs/d(\d+)\.md', path)
    doc_of_chunk[cid] = corpus_ids[int(m.group(1))]
for q in legs:
    s = M @ hvec(queries[q]); top = np.argsort(-s)[:N]
    legs[q]['hash'] = [(int(ids[i]), doc_of_chunk[int(ids[i])], float(s[i])) for i in top]

def minmax(leg):
    if not leg: return {}
    sc = [s for _, _, s in leg]; lo, hi = min(sc), max(sc)
    return {c: ((s - lo) / (hi - lo) if hi > lo else 1.0) for c, _, s in leg}
def rrf(leg, k):
    return {c: (k + 1.0) / (k + i + 1.0) for i, (c, _, _) in enumerate(leg)}
def dbsf(leg):
    sc = np.array([s for _, _, s in leg]); mu, sd = sc.mean(), sc.std()
    return {c: (min(1, max(0, (s - (mu - 3 * sd)) / (6 * sd))) if sd > 0 else 1.0) for c, _, s in leg}
def zclip(leg, lo=0.0, hi=3.0):
    sc = np.array([s for _, _, s in leg]); mu, sd = sc.mean(), sc.std()
    return {c: (min(hi, max(lo, (s - mu) / sd)) - lo) / (hi - lo) if sd > 0 else 1.0 for c, _, s in leg}

def peak(leg, k=10):
    x = minmax(leg); v = sorted(x.values(), reverse=True)[:k]
    return 1 - sum(v) / len(v) if v else 0
def gap(leg, k=10):
    sc = [s for _, _, s in leg]
    if len(sc) < k + 1: return 1
    lo, hi = sc[-1], sc[0]
    return (sc[0] - sc[k - 1]) / (hi - lo) if hi > lo else 0

def fuse(a, b, wa, wb, na, nb):
    out = collections.defaultdict(float)
    for c, v in na.items(): out[c] += wa * v
    for c, v in nb.items(): out[c] += wb * v
    return out
def evaluate(q, scores):
    top = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:100]
    ranked, seen = [], set()
    for c, _ in top:
        d = doc_of_chunk[c]
        if d not in seen: seen.add(d); ranked.append(d)
    j = qrels[q]
    dcg = sum(j.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranked[:10]))
    ideal = sorted([r for r in j.values() if r > 0], reverse=True)
    idcg = sum(r / math.log2(i + 2) for i, r in enumerate(ideal[:10]))
    rel = [d for d, r in j.items() if r > 0]
    rec = len(set(ranked[:100]) & set(rel)) / len(rel)
    return dcg / idcg, rec

def method(name, kl, vl):
    if name == 'kw': return {c: -i for i, (c, _, _) in enumerate(kl)}
    if name == 'vec': return {c: -i for i, (c, _, _) in enumerate(vl)}
    if name.startswith('mm'):
        w = float(name[2:]); return fuse(kl, vl, 1 - w, w, minmax(kl), minmax(vl))
    if name.startswith('rrf'):
        k = int(name[3:]); return fuse(kl, vl, .5, .5, rrf(kl, k), rrf(vl, k))
    if name == 'dbsf': return fuse(kl, vl, .5, .5, dbsf(kl), dbsf(vl))
    if name.startswith('st'):
        k, p = name[2:].split('p'); k = int(k); p = float(p)
        def zs(leg):
            sc = np.array([s for _, _, s in leg]);
            if len(sc) < 2 or sc.std() == 0: return 1.0
            return max(1e-3, (sc[:k].mean() - sc.mean()) / sc.std())
        pk, pv = zs(kl) ** p, zs(vl) ** p
        return fuse(kl, vl, pk / (pk + pv), pv / (pk + pv), minmax(kl), minmax(vl))
    if name.startswith('z'):
        return fuse(kl, vl, .5, .5, zclip(kl), zclip(vl))
    if name.startswith('pp'):
        k, p = name[2:].split('p'); k = int(k); p = float(p)
        pk, pv = peak(kl, k) ** p, peak(vl, k) ** p
        if pk + pv == 0: pk = pv = 1
        return fuse(kl, vl, pk / (pk + pv), pv / (pk + pv), minmax(kl), minmax(vl))
    if name.startswith('peak'):
        k = int(name[4:]); pk, pv = peak(kl, k), peak(vl, k)
        if pk + pv == 0: pk = pv = 1
        return fuse(kl, vl, pk / (pk + pv), pv / (pk + pv), minmax(kl), minmax(vl))
    if name.startswith('gap'):
        k = int(name[3:]); pk, pv = gap(kl, k), gap(vl, k)
        if pk + pv == 0: pk = pv = 1
        return fuse(kl, vl, pk / (pk + pv), pv / (pk + pv), minmax(kl), minmax(vl))
    raise ValueError(name)

names = sys.argv[6].split(',')
for lg in ['bm25','bm25-half','vector','hash']:
    vals=[(lambda sc: (sc[:3].mean()-sc.mean())/sc.std())(np.array([x[2] for x in legs[q][lg]])) for q in legs if len(legs[q].get(lg,[]))>2]
    print(lg, 'peak10 mean %.3f sd %.3f' % (np.mean(vals), np.std(vals)))
scen = [('bm25', 'vector'), ('bm25-half', 'vector'), ('bm25', 'hash'), ('bm25-half', 'hash')]
qs = [q for q in legs if q in qrels]
print('%d queries' % len(qs))
print('%-10s' % 'method' + ''.join('%22s' % (a + '+' + b) for a, b in scen))
for name in names:
    line = '%-10s' % name
    for a, b in scen:
        nd = rc = 0
        for q in qs:
            n, r = evaluate(q, method(name, legs[q].get(a, []), legs[q].get(b, [])))
            nd += n; rc += r
        line += '%14.4f/%.3f' % (nd / len(qs), rc / len(qs))
    print(line, flush=True)
