#!/usr/bin/env python3
"""bench/lsp_bench.py SNNC MODEL [EDITS] — drives `SNNC lsp` over stdio (Content-Length framed JSON-RPC) on
MODEL and prints (in words, then as one JSON line): the latency from a change to its published diagnostics (no debounce, and
with the default 75 ms debounce), hover and completion latencies, and the server's resident memory (VmRSS from
/proc) over EDITS edits (default 10,000), each waited for until its diagnostics are published. Used by
bench/lsp_speed.sh."""
import json, os, re, statistics, subprocess, sys, time


class Client:
    def __init__(self, snnc, debounce):
        args = [snnc, "lsp"] + ([] if debounce is None else ["--debounce", str(debounce)])
        self.process = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0
        self.send("initialize", {"processId": None, "rootUri": None, "capabilities": {}}, request=True)
        self.wait(lambda m: m.get("id") == self.next_id)
        self.send("initialized", {})

    def send(self, method, params, request=False):
        message = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise EOFError("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            match = re.match(rb"content-length:\s*(\d+)", line, re.I)
            if match:
                length = int(match.group(1))
        return json.loads(self.process.stdout.read(length))

    def wait(self, predicate):
        while True:
            message = self.read()
            if predicate(message):
                return message

    def request(self, method, params):
        self.send(method, params, request=True)
        return self.wait(lambda m: m.get("id") == self.next_id)

    def rss_kib(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            return int(next(l for l in status if l.startswith("VmRSS")).split()[1])

    def close(self):
        self.request("shutdown", None)
        self.send("exit", None)
        return self.process.wait(timeout=10)


def published(uri, version):
    return lambda m: (m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
                      and m["params"].get("version") == version)


def summary(samples_ms):
    ordered = sorted(samples_ms)
    return {"median_ms": round(statistics.median(ordered), 2), "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1], 2),
            "max_ms": round(ordered[-1], 2), "count": len(ordered)}


def main():
    snnc, model = sys.argv[1], sys.argv[2]
    total_edits = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
    text = open(model, encoding="utf-8").read()
    lines = text.split("\n")
    uri = "file://" + os.path.abspath(model)
    # Edits toggle the default of a parameter (20 ms <-> 21 ms) on lines all over the file.
    edit_lines = [i for i, l in enumerate(lines) if "param tau_m = 20 ms" in l]
    hover_at = [(i, l.index("tau_m") + 2) for i, l in enumerate(lines) if "(tau_m = 10 ms" in l]
    completion_at = [(i, l.index("(") + 1) for i, l in enumerate(lines) if "(tau_m = 10 ms" in l]
    result = {"model_lines": len(lines), "model_bytes": len(text.encode())}

    def edit(client, number, version):
        line = edit_lines[number % len(edit_lines)]
        column = lines[line].index("20 ms") + 1
        digit = "1" if (number // len(edit_lines)) % 2 == 0 else "0"
        client.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [
            {"range": {"start": {"line": line, "character": column}, "end": {"line": line, "character": column + 1}},
             "text": digit}]})

    for debounce, key in ((0, "diagnostics_no_debounce"), (None, "diagnostics_default_debounce")):
        client = Client(snnc, debounce)
        client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "snn", "version": 1, "text": text}})
        start = time.perf_counter()
        opened = client.wait(published(uri, 1))
        result.setdefault("open_ms", round((time.perf_counter() - start) * 1000, 2))
        result.setdefault("diagnostics_on_open", len(opened["params"]["diagnostics"]))
        latencies, version = [], 1
        for number in range(200 if debounce == 0 else 40):
            version += 1
            start = time.perf_counter()
            edit(client, number, version)
            client.wait(published(uri, version))
            latencies.append((time.perf_counter() - start) * 1000)
        result[key] = summary(latencies)
        if debounce == 0:
            for method, positions, name in (("textDocument/hover", hover_at, "hover"),
                                            ("textDocument/completion", completion_at, "completion")):
                samples = []
                for number in range(300):
                    line, character = positions[number % len(positions)]
                    start = time.perf_counter()
                    reply = client.request(method, {"textDocument": {"uri": uri},
                                                    "position": {"line": line, "character": character}})
                    samples.append((time.perf_counter() - start) * 1000)
                    assert reply.get("result"), reply
                result[name] = summary(samples)
            memory, checkpoints = [], {100, 1000, 2500, 5000, 7500, total_edits}
            start = time.perf_counter()
            for number in range(total_edits):
                version += 1
                edit(client, number, version)
                client.wait(published(uri, version))
                if number + 1 in checkpoints:
                    memory.append({"edits": number + 1, "rss_mib": round(client.rss_kib() / 1024, 1)})
            result["edits"] = {"count": total_edits, "seconds": round(time.perf_counter() - start, 1), "rss": memory}
        result.setdefault("exit_codes", []).append(client.close())
    report(result)


def report(r):
    """The figures in words, then the JSON line."""
    print(f"open (first diagnostics): {r['open_ms']} ms, {r['diagnostics_on_open']} diagnostics")
    for key, label in (("diagnostics_no_debounce", "change -> diagnostics, no debounce"),
                       ("diagnostics_default_debounce", "change -> diagnostics, 75 ms debounce"),
                       ("hover", "hover"), ("completion", "completion")):
        s = r[key]
        print(f"{label}: median {s['median_ms']} ms, p95 {s['p95_ms']} ms, max {s['max_ms']} ms ({s['count']} samples)")
    e = r["edits"]
    print(f"{e['count']} edits in {e['seconds']} s; RSS: " + ", ".join(f"{m['rss_mib']} MiB after {m['edits']}" for m in e["rss"]))
    print(f"exit codes after shutdown/exit: {r['exit_codes']}")
    print("json: " + json.dumps(r))


if __name__ == "__main__":
    main()
