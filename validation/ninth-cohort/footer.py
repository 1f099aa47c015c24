#!/usr/bin/env python3
"""Prints the key-value metadata of Parquet footers as JSON (Python standard library only).

Usage: footer.py FILE.parquet...   -> {"file": {key: value, ...}, ...}
       footer.py --table DIR        -> the footers of every *.parquet under DIR (one table)
       footer.py --all OUT          -> {table: {file: footer}} for every table folder of a review

The Parquet footer is a Thrift compact-protocol FileMetaData; only its field 5
(key_value_metadata: list<KeyValue{1: key, 2: value}>) is decoded, every other field skipped.
"""
import json
import os
import struct
import sys


class Compact:
    def __init__(self, buf):
        self.b = buf
        self.i = 0

    def byte(self):
        v = self.b[self.i]
        self.i += 1
        return v

    def varint(self):
        shift = 0
        out = 0
        while True:
            v = self.byte()
            out |= (v & 0x7F) << shift
            if not v & 0x80:
                return out
            shift += 7

    def zigzag(self):
        n = self.varint()
        return (n >> 1) ^ -(n & 1)

    def binary(self):
        n = self.varint()
        s = self.b[self.i:self.i + n]
        self.i += n
        return s

    def skip(self, t):
        if t in (1, 2):  # bool true/false inline
            return None
        if t == 3:
            return self.byte()
        if t in (4, 5, 6):
            return self.zigzag()
        if t == 7:
            self.i += 8
            return None
        if t == 8:
            return self.binary()
        if t in (9, 10):
            return self.list_()
        if t == 12:
            return self.struct()
        raise ValueError("thrift type %d" % t)

    def list_(self):
        h = self.byte()
        n = h >> 4
        et = h & 0x0F
        if n == 15:
            n = self.varint()
        out = []
        for _ in range(n):
            if et in (1, 2):
                out.append(self.byte() == 1)
            else:
                out.append(self.skip(et))
        return out

    def struct(self):
        fields = {}
        last = 0
        while True:
            h = self.byte()
            if h == 0:
                return fields
            delta = h >> 4
            t = h & 0x0F
            fid = last + delta if delta else self.zigzag()
            last = fid
            if t in (1, 2):
                fields[fid] = (t == 1)
            else:
                fields[fid] = self.skip(t)


def kv(path):
    with open(path, "rb") as f:
        f.seek(-8, os.SEEK_END)
        tail = f.read(8)
        n = struct.unpack("<i", tail[:4])[0]
        if tail[4:] != b"PAR1":
            raise ValueError(path + ": not Parquet")
        f.seek(-8 - n, os.SEEK_END)
        meta = Compact(f.read(n)).struct()
    out = {}
    for e in meta.get(5) or []:
        out[e[1].decode("utf-8")] = (e.get(2) or b"").decode("utf-8")
    out["__rows"] = meta.get(3)
    return out


def table(d):
    files = sorted(os.path.join(d, x) for x in os.listdir(d)
                   if x.endswith(".parquet") and not x.startswith("."))
    return {os.path.basename(f): kv(f) for f in files}


def all_tables(out):
    """Every table folder's footers, and for each file the SHA-256 of its bytes before the footer
    (the data pages: equal when the rows and their order are)."""
    import hashlib
    res = {}
    for t in sorted(os.listdir(out)):
        d = os.path.join(out, t)
        if t.startswith(".") or not os.path.isdir(d):
            continue
        res[t] = table(d)
        for name, meta in res[t].items():
            with open(os.path.join(d, name), "rb") as f:
                data = f.read()
            n = struct.unpack("<i", data[-8:-4])[0]
            meta["__data_sha256"] = hashlib.sha256(data[:len(data) - 8 - n]).hexdigest()
    return res


if __name__ == "__main__":
    if sys.argv[1] == "--all":
        print(json.dumps(all_tables(sys.argv[2]), indent=1, sort_keys=True))
    elif sys.argv[1] == "--table":
        print(json.dumps(table(sys.argv[2]), indent=1, sort_keys=True))
    else:
        print(json.dumps({p: kv(p) for p in sys.argv[1:]}, indent=1, sort_keys=True))
