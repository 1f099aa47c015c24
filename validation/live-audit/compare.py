#!/usr/bin/env python3
"""Compares batch `moments` (CSV from `sql`) with the live job's moments table (CSV) and the
moments topic (`watch --json` lines).  Usage: compare.py BATCH.csv LIVE_TABLE.csv WATCH.jsonl"""
import csv, json, sys, collections

def rows(path):
    with open(path) as f:
        return [r for r in csv.DictReader(f)]

def key(r):
    return (r['session_id'], r['kind'], r['role'], round(float(r['start_s']), 3))

batch, table = rows(sys.argv[1]), rows(sys.argv[2])
topic = [json.loads(l) for l in open(sys.argv[3]) if l.strip().startswith('{')]

def full(r):
    return (r['session_id'], r['kind'], r['role'], float(r['start_s']), float(r['end_s']),
            float(r['severity']), r['evidence'])

print('== 1. batch moments vs live moments table (every column)')
b, t = collections.Counter(map(full, batch)), collections.Counter(map(full, table))
for x in sorted((b - t).elements()): print('  only batch:', x)
for x in sorted((t - b).elements()): print('  only live table:', x)
print('  equal' if b == t else '  DIFFER')

print('== 2. batch moments vs topic (live+final less withdrawn, by identity)')
sent = collections.defaultdict(list)
for m in topic:
    sent[(m['session_id'], m['kind'], m['role'], round(float(m['start_s']), 3))].append(m)
bk = {key(r): r for r in batch}
kinds = sorted({k[1] for k in bk} | {k[1] for k in sent})
stats = {k: collections.Counter() for k in kinds}
details = []
for k, r in bk.items():
    ms = sent.get(k, [])
    ph = [m['phase'] for m in ms]
    kept = [m for m in ms if m['phase'] != 'withdrawn']
    stats[k[1]]['batch'] += 1
    if len(kept) == 1 and 'withdrawn' not in ph:
        m = kept[0]
        same = (abs(m['end_s'] - float(r['end_s'])) < 1e-6 and abs(m['severity'] - float(r['severity'])) < 1e-6
                and m['evidence'] == r['evidence'])
        stats[k[1]]['matched' if same else 'matched_id_diff_end/sev/evidence'] += 1
        if not same:
            details.append(('id match, fields differ', k, ('batch', r['end_s'], r['severity']),
                            ('topic', m['phase'], m['end_s'], m['severity'], m['known_at_s']),
                            r['evidence'] if r['evidence'] != m['evidence'] else '', m['evidence'] if r['evidence'] != m['evidence'] else ''))
    else:
        stats[k[1]]['mismatch'] += 1
        details.append(('batch moment, topic phases %s' % ph, k, r['end_s'], r['severity']))
for k, ms in sent.items():
    for m in ms:
        stats[k[1]]['topic_' + m['phase']] += 1
    if k not in bk:
        stats[k[1]]['extra_identity'] += 1
        details.append(('topic only: phases %s' % [m['phase'] for m in ms], k,
                        [(m['phase'], m['end_s'], m['severity'], m['known_at_s']) for m in ms]))
    if len(ms) > 1:
        details.append(('sent %d times' % len(ms), k, [(m['phase'], m['end_s'], m['known_at_s']) for m in ms]))
print('  %-20s %s' % ('kind', 'counts'))
for k in kinds:
    print('  %-20s %s' % (k, dict(stats[k])))
for d in details:
    print('  -', *d)
