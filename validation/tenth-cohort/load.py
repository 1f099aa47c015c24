"""Reads the JSON-lines dump of `sql -f tables.sql --format json` into {table: [row, ...]}."""
import json


def load(path):
    tables, cur = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            row = json.loads(line)
            if list(row) == ["block_marker"]:
                cur = row["block_marker"]
                tables[cur] = []
            elif cur is not None:
                tables[cur].append(row)
    return tables
