#!/usr/bin/env python3
"""Evaluate a review (moments.csv, sessions.csv exported by the sql command) against plan.json.
Usage: evaluate.py plan.json moments.csv [sessions.csv]"""
import csv, json, re, sys, statistics
from collections import defaultdict

plan = json.load(open(sys.argv[1]))
moments = list(csv.DictReader(open(sys.argv[2])))
for m in moments:
    m['start_s'] = float(m['start_s']); m['end_s'] = float(m['end_s'])

def mmss(txt):
    a, b = txt.split(':')
    return int(a) * 60 + int(b)

rows = []  # per planted episode
false_eps = []
mo_rows = []
cue_rows = []
for s in plan:
    sid = s['session_id']
    det = {r: sorted([m for m in moments if m['session_id'] == sid and m['kind'] == 'anxiety_episode' and m['role'] == r],
                     key=lambda m: m['start_s']) for r in ('client', 'therapist')}
    planted = [e for e in s['episodes'] if e['cond'] != 'pre_session_arousal']
    used = set()
    ep_match = {}
    for e in sorted(planted, key=lambda e: e['onset']):
        cands = [(abs(m['start_s'] - e['onset']), i, m) for i, m in enumerate(det[e['role']])
                 if m['start_s'] <= e['true_end'] + 30 and m['end_s'] >= e['onset'] - 30]
        free = [c for c in cands if (e['role'], c[1]) not in used]
        status, err, m = 'missed', None, None
        if free:
            free.sort(key=lambda c: c[0])
            _, i, m = free[0]
            used.add((e['role'], i))
            status, err = 'found', m['start_s'] - e['onset']
        elif cands:
            status = 'merged'
            m = min(cands)[2]
        ep_match[(e['role'], e['onset'])] = m if status == 'found' else None
        rows.append(dict(sid=sid, cond=e['cond'], role=e['role'], shape=e['shape'], onset=e['onset'], true_end=e['true_end'],
                         status=status, err=err, det_start=m['start_s'] if m else None, det_end=m['end_s'] if m else None,
                         evidence=m['evidence'] if m else None))
    for r in ('client', 'therapist'):
        for i, m in enumerate(det[r]):
            if (r, i) not in used:
                pre = [e for e in s['episodes'] if e['cond'] == 'pre_session_arousal' and e['role'] == r]
                why = 'overlaps merged/planted' if any(m['start_s'] <= e['true_end'] + 30 and m['end_s'] >= e['onset'] - 30 for e in planted if e['role'] == r) else ''
                if pre and m['start_s'] < pre[0]['onset'] + pre[0]['ramp'] + pre[0]['plateau'] + 600:
                    why = 'pre-session arousal tail'
                false_eps.append(dict(sid=sid, cond=s['condition'], role=r, start=m['start_s'], end=m['end_s'], why=why, evidence=m['evidence']))
    # ---- missed opportunities from episode onsets
    onset_moments = []
    for m in moments:
        if m['session_id'] != sid or m['kind'] not in ('missed_opportunity', 'unvoiced_arousal'):
            continue
        g = re.search(r'anxiety episode onset at (\d+:\d\d)', m['evidence'])
        if g:
            onset_moments.append((mmss(g.group(1)), m))
    claimed = set()
    for o in s['opportunities']:
        if o['kind'] != 'episode_onset':
            continue
        m = ep_match.get(('client', round(o['onset'], 2)))
        pred = 'not_detected'
        kind = None
        if m is not None:
            hits = [om for t, om in onset_moments if abs(t - m['start_s']) <= 1.0]
            pred = 'missed' if hits else 'answered'
            if hits:
                kind = hits[0]['kind']
                claimed.add(id(hits[0]))
        mo_rows.append(dict(sid=sid, cond=o['cond'], onset=o['onset'], delay=o['delay'], voiced=o['voiced'], expected=o['expected'],
                            expected_kind=o['expected_kind'], pred=pred, kind=kind,
                            err=(m['start_s'] - o['onset']) if m is not None else None))
    for t, om in onset_moments:
        if id(om) not in claimed:
            mo_rows.append(dict(sid=sid, cond='(no planted onset)', onset=None, delay=None, voiced=None, expected='none', expected_kind=None,
                                pred='missed', kind=om['kind'], err=None, evidence=om['evidence']))
    # ---- coded cues
    for o in s['opportunities']:
        if o['kind'] != 'coded_cue':
            continue
        hits = [m for m in moments if m['session_id'] == sid and m['kind'] == 'missed_opportunity' and abs(m['start_s'] - o['t']) < 0.2]
        hits2 = [m for m in moments if m['session_id'] == sid and m['kind'] == 'missed_opportunity' and (o['code'] + ' at') in m['evidence']
                 and m['start_s'] - 45 <= o['t'] <= m['end_s']]
        cue_rows.append(dict(sid=sid, t=o['t'], code=o['code'], delay=o['delay'], expected=o['expected'],
                             pred='missed' if (hits or hits2) else 'answered'))


def summarize():
    out = []
    P = lambda *a: out.append(' '.join(str(x) for x in a))
    P('== episodes by role x condition: found / merged / missed of planted; start error (found) ==')
    g = defaultdict(list)
    for r in rows:
        g[(r['role'], r['cond'])].append(r)
    tot = defaultdict(list)
    for k in sorted(g):
        rs = g[k]
        errs = [r['err'] for r in rs if r['status'] == 'found']
        tot[k[0]] += rs
        P('%-10s %-28s n=%2d found=%2d merged=%d missed=%d | err median %s within15 %d/%d range %s' % (
            k[0], k[1], len(rs), sum(r['status'] == 'found' for r in rs), sum(r['status'] == 'merged' for r in rs),
            sum(r['status'] == 'missed' for r in rs), '%.1f' % statistics.median(errs) if errs else '-',
            sum(abs(e) <= 15 for e in errs), len(errs), ('%.0f..%.0f' % (min(errs), max(errs))) if errs else '-'))
    for role, rs in tot.items():
        errs = [r['err'] for r in rs if r['status'] == 'found']
        P('TOTAL %-9s n=%d found=%d (%.0f%%) | err median %.1f within15 %d/%d' % (role, len(rs), len(errs), 100 * len(errs) / len(rs),
          statistics.median(errs), sum(abs(e) <= 15 for e in errs), len(errs)))
    P('== by shape (client+therapist found) ==')
    gs = defaultdict(list)
    for r in rows:
        gs[r['shape']].append(r)
    for k in sorted(gs):
        errs = [r['err'] for r in gs[k] if r['status'] == 'found']
        P('%-6s n=%d found=%d median %s within15 %d' % (k, len(gs[k]), len(errs), '%.1f' % statistics.median(errs) if errs else '-', sum(abs(e) <= 15 for e in errs)))
    P('== false (unplanned) episodes: %d ==' % len(false_eps))
    for f in false_eps:
        P('  %s %s %s %.0f-%.0f [%s] %s' % (f['sid'], f['cond'], f['role'], f['start'], f['end'], f['why'], f['evidence'][:160]))
    P('== missed opportunities from episode onsets ==')
    tp = sum(1 for r in mo_rows if r['expected'] == 'missed' and r['pred'] == 'missed')
    fn = sum(1 for r in mo_rows if r['expected'] == 'missed' and r['pred'] != 'missed')
    fp = sum(1 for r in mo_rows if r['expected'] in ('answered', 'none', 'excluded') and r['pred'] == 'missed')
    P('TP %d FN %d FP %d  recall %.2f precision %.2f' % (tp, fn, fp, tp / max(1, tp + fn), tp / max(1, tp + fp)))
    gd = defaultdict(lambda: defaultdict(int))
    for r in mo_rows:
        gd[str(r['delay'])][(r['expected'], r['pred'])] += 1
    for k in sorted(gd):
        P('  delay %-7s %s' % (k, dict(gd[k])))
    kindbad = [r for r in mo_rows if r['expected'] == 'missed' and r['pred'] == 'missed' and r['kind'] != r['expected_kind']]
    P('  kind mismatches (voiced vs unvoiced): %d' % len(kindbad))
    for r in mo_rows:
        if (r['expected'] != r['pred']) and not (r['expected'] == 'excluded' and r['pred'] in ('answered', 'not_detected')):
            P('  MISMATCH %s %s onset=%s delay=%s expected=%s pred=%s start_err=%s %s' % (
                r['sid'], r['cond'], '%.1f' % r['onset'] if r['onset'] else '-', r['delay'], r['expected'], r['pred'],
                '%.1f' % r['err'] if r['err'] is not None else '-', r.get('evidence', '')[:150]))
    P('== coded cue triggers ==')
    c = defaultdict(int)
    for r in cue_rows:
        c[(r['expected'], r['pred'])] += 1
    P(' ', dict(c))
    for r in cue_rows:
        if r['expected'] != r['pred']:
            P('  CUE MISMATCH', r)
    return '\n'.join(out)


print(summarize())
json.dump(dict(episodes=rows, false=false_eps, mo=mo_rows, cues=cue_rows), open('eval_detail.json', 'w'), indent=1, default=str)
