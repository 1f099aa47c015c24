"""How much the paired schedules coincide: for the labelled subjects S02-S08, the share of the
client's stress-task seconds (labels_S0x.csv, 1 = task) in which the therapist's shifted recording
is in a task too, median and range over the 21 pairs, for each therapist lead (0 = aligned, 600 =
offset, and a few others for comparison), beside the share of all seconds labelled as tasks (the
chance level of independent schedules).

usage: python3 overlap.py DATA_E4_DIR
"""
import csv
import os
import statistics
import sys


def main(base):
    labels, task_share = {}, []
    for s in range(1, 9):
        d = os.path.join(base, "stress-predict-S0%d" % s)
        f = os.path.join(d, "labels_S0%d.csv" % s)
        if not os.path.exists(f):
            continue
        with open(os.path.join(d, "EDA.csv")) as e:
            start = float(e.readline().split(",")[0])
        rows = list(csv.DictReader(open(f)))
        labels[s] = {int(float(r["unix_time_s"]) - start): int(float(r["label"])) for r in rows}
        task_share.append(sum(labels[s].values()) / len(labels[s]))
    print("seconds labelled as a task: %.2f (%.2f-%.2f)" % (statistics.median(task_share), min(task_share),
                                                          max(task_share)))
    for lead in (0, 300, 600, 900, 1200):
        shares = []
        for a in labels:
            for b in labels:
                if a < b:
                    tasks = [t for t, v in labels[a].items() if v == 1]
                    shares.append(sum(labels[b].get(t + lead, 0) for t in tasks) / len(tasks))
        print("therapist %4d s ahead: client task seconds with the therapist in a task %.2f (%.2f-%.2f)%s" % (
            lead, statistics.median(shares), min(shares), max(shares),
            "  <- aligned" if lead == 0 else "  <- offset" if lead == 600 else ""))


if __name__ == "__main__":
    main(sys.argv[1])
