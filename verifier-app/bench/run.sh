#!/usr/bin/env bash
# Load test on loopback, all in one run against one verifier: the trivial endpoint
# (/actuator/health/liveness), /api/v1/verify on one QR again and again (cached path), and on
# distinct anchored credentials, each verified once (cold path): first at full speed, then paced
# open loop at a fixed offered rate with its latency percentiles. Vegeta drives every attack (open
# loop, no coordinated omission; the same client for each line, so the ratios compare like with like).
# Usage: verifier-app/bench/run.sh [seconds 10] [workers 32] [paced rate 2000] [paced seconds 20] [cold max pool 60000: 10,000 warm the cold path up, the rest are verified once each at full speed; the paced attack has a pool of its own]
# BENCH_GC=the collector's JVM option (-XX:+UseZGC, as the verifier runs).
# BENCH_WARMUP=seconds (120) of the trivial and cached attacks first: on two cores the JIT needs about two minutes of
# load before a request's CPU settles (a fresh verifier measured 1,150 us a request, 230 us after three minutes).
# VEGETA=/path/to/vegeta, else vegeta on the PATH or in $PRAMAAN_HOME/tools/bin (./pramaan bench verify installs it).
# Each attack also reports the CPU it cost per request: the verifier's JVM alone, and with the processes it started
# (its embedded PostgreSQL, the development peer and the chaincode), from /proc/<pid>/stat before and after.
# BENCH_THREADS=1 also prints, for each attack, the verifier's CPU by thread group (request threads, JIT, GC, ...).
# BENCH_JFR=file.jfr records a Java Flight Recording of the verifier during the full-speed cold attack (starting one
# retransforms JDK classes and drops compiled code: the attack it records is slower than the others).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-10}"
workers="${2:-32}"
rate="${3:-2000}"
paced_seconds="${4:-20}"
max_pool="${5:-60000}"
warmup="${BENCH_WARMUP:-120}"
paced_pool=$((rate * paced_seconds))
port=18082
export BENCH_DIR="$root/verifier-app/target/bench"
vegeta="${VEGETA:-$(command -v vegeta || echo "${PRAMAAN_HOME:-$root/.pramaan}/tools/bin/vegeta")}"
[ -x "$vegeta" ] || { echo "bench: vegeta is needed (./pramaan bench verify installs it with go install)" >&2; exit 1; }
[[ "$seconds$workers$rate$paced_seconds$max_pool$warmup" =~ ^[0-9]+$ ]] || { echo "bench: arguments are whole numbers" >&2; exit 1; }
rm -rf "$BENCH_DIR"
mkdir -p "$BENCH_DIR"
# One reactor build (-am): our own modules exist only in the reactor on a fresh machine; verifier-app
# builds last, so its classpath is the one left in the file. package: the peer and chaincode jars too.
(cd "$root" && mvn -q -B -pl verifier-app -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile="$root/verifier-app/target/bench-classpath.txt" -Dmdep.includeScope=test)
cd "$root/verifier-app"
# Two pools of distinct credentials: cold-1 for the full-speed attack, cold-2 for the paced one.
# Its collections are logged to $BENCH_DIR/gc.log. The collector is the verifier's own, ZGC (./pramaan up and the
# systemd unit); BENCH_GC=-XX:+UseG1GC compares: G1's young pauses (27-45 ms) are what its paced p99 is made of.
java -Xlog:gc,gc+phases:file="$BENCH_DIR/gc.log" "${BENCH_GC:--XX:+UseZGC}" ${BENCH_OPTS:-} -Dpramaan.chaincode.jar="$root/chaincode/target/pramaan-chaincode-server.jar" \
  -Dpramaan.peer.jar="$root/network/target/pramaan-dev-peer.jar" \
  -cp "$(cat target/bench-classpath.txt):target/classes:target/test-classes" \
  org.pramaan.verifier.bench.BenchmarkServer "$port" "$BENCH_DIR" "$((2 * (max_pool > paced_pool ? max_pool : paced_pool)))" 2 > "$BENCH_DIR.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 1200); do [ -f "$BENCH_DIR/api-key" ] && break; kill -0 $server 2>/dev/null || break; sleep 1; done
[ -f "$BENCH_DIR/api-key" ] || { echo "bench: the server did not start; see $BENCH_DIR.log" >&2; exit 1; }
grep -h "signed and anchored" "$BENCH_DIR.log" || true
url="http://127.0.0.1:$port"
key="$(cat "$BENCH_DIR/api-key")"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

# cpu_ticks: "<verifier JVM> <JVM and every process below it>" user+system CPU in clock ticks.
cpu_ticks() {
  python3 - "$server" <<'PY'
import os, sys
root, parent, ticks = int(sys.argv[1]), {}, {}
for entry in os.listdir("/proc"):
    if entry.isdigit():
        try:
            fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(entry)] = int(fields[1])
        ticks[int(entry)] = int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15 of stat)
def below(pid):
    while pid > 1:
        if pid == root:
            return True
        pid = parent.get(pid, 0)
    return False
print(ticks.get(root, 0), sum(t for pid, t in ticks.items() if below(pid)))
PY
}
# thread_ticks: "<tid> <thread name> <ticks>" for each thread of the verifier JVM (BENCH_THREADS=1: where its CPU went).
thread_ticks() {
  local task stat thread rest
  for task in /proc/"$server"/task/*; do
    stat="$(cat "$task/stat" 2>/dev/null)" || continue
    thread="${stat#*(}"; thread="${thread%)*}"; rest=(${stat##*) })
    echo "${task##*/} ${thread// /_} $((rest[11] + rest[12]))"
  done
}
# attack NAME [vegeta attack options...]: runs it, prints the text report, keeps the JSON one and the CPU it cost.
attack() {
  local name="$1"; shift
  local before after
  [ -n "${BENCH_THREADS:-}" ] && thread_ticks > "$BENCH_DIR/$name.threads.before"
  before="$(cpu_ticks)"
  "$vegeta" attack "$@" > "$BENCH_DIR/$name.bin"
  after="$(cpu_ticks)"
  echo "$before $after $(getconf CLK_TCK)" > "$BENCH_DIR/$name.cpu"
  [ -n "${BENCH_THREADS:-}" ] && thread_ticks > "$BENCH_DIR/$name.threads.after" \
    && python3 - "$BENCH_DIR/$name.threads.before" "$BENCH_DIR/$name.threads.after" <<'PY'
import collections, re, sys
read = lambda f: {t: (n, int(c)) for t, n, c in (l.rsplit(" ", 2) for l in open(f).read().splitlines())}
a, b, total = read(sys.argv[1]), read(sys.argv[2]), collections.Counter()
for t, (n, c) in b.items():
    total[re.sub(r"\d+", "N", n)] += c - a.get(t, (n, 0))[1]
print("  verifier CPU ticks by thread group:", ", ".join(f"{n} {c}" for n, c in total.most_common(6)))
PY
  "$vegeta" report -type=json "$BENCH_DIR/$name.bin" > "$BENCH_DIR/$name.json"
  echo "== $name"; "$vegeta" report "$BENCH_DIR/$name.bin"
}
# field NAME KEY: a number from a report, e.g. throughput, requests, latencies.99th (ns).
field() {
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); [d:=d[k] for k in sys.argv[2].split(".")]; print(d)' \
    "$BENCH_DIR/$1.json" "$2"
}

echo "GET $url/actuator/health/liveness" > "$BENCH_DIR/trivial.txt"
printf 'POST %s/api/v1/verify\nContent-Type: application/json\nX-Api-Key: %s\n@%s\n' \
  "$url" "$key" "$BENCH_DIR/verify.json" > "$BENCH_DIR/cached.txt"
full=(-rate=0 -max-workers="$workers" -duration="${seconds}s")
# Warm-up of every path measured, so the JIT compiles them before any counts: the HTTP stack (most of a request's
# CPU) with the trivial and cached attacks in turn for BENCH_WARMUP seconds, then the cold path on the last
# credentials of its pool, which the full-speed attack (reading from the first) does not reach.
warm=10000
tail -n "$warm" "$BENCH_DIR/cold-1.json" > "$BENCH_DIR/cold-warm.json"
head -n "-$warm" "$BENCH_DIR/cold-1.json" > "$BENCH_DIR/cold-1-rest.json" && mv "$BENCH_DIR/cold-1-rest.json" "$BENCH_DIR/cold-1.json"
max_pool=$((max_pool - warm))
warm_until=$((SECONDS + warmup))
while [ "$SECONDS" -lt "$warm_until" ]; do
  "$vegeta" attack -rate=0 -max-workers="$workers" -duration=10s -targets="$BENCH_DIR/cached.txt" > /dev/null
  "$vegeta" attack -rate=0 -max-workers="$workers" -duration=5s -targets="$BENCH_DIR/trivial.txt" > /dev/null
done
"$vegeta" attack -rate=2000/s -duration=$((warm / 2000))s -format=json -targets="$BENCH_DIR/cold-warm.json" > /dev/null
attack trivial "${full[@]}" -targets="$BENCH_DIR/trivial.txt"
attack cached "${full[@]}" -targets="$BENCH_DIR/cached.txt"
[ -n "${BENCH_JFR:-}" ] && jcmd "$server" JFR.start name=cold settings=profile filename="$BENCH_JFR" > /dev/null
attack cold "${full[@]}" -format=json -targets="$BENCH_DIR/cold-1.json"
[ -n "${BENCH_JFR:-}" ] && jcmd "$server" JFR.stop name=cold > /dev/null && echo "flight recording of the cold attack: $BENCH_JFR"
attack cold-paced -rate="$rate/s" -duration="${paced_seconds}s" -format=json -targets="$BENCH_DIR/cold-2.json"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "collector: $(grep -m1 -o 'Using .*' "$BENCH_DIR/gc.log" || echo unknown); its longest pauses (ms):" \
  "$(grep -o 'Pause.* [0-9.]*ms$' "$BENCH_DIR/gc.log" | grep -o '[0-9.]*ms$' | sort -n | tail -3 | tr '\n' ' ')"

python3 - "$BENCH_DIR" "$max_pool" "$rate" "$url" <<'PY'
import json, sys, urllib.request
d, pool, rate, url = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
def answers(source, metric="verifier.ledger.answers", tag="source"):
    request = urllib.request.Request(f"{url}/actuator/metrics/{metric}?tag={tag}:{source}",
                                     headers={"X-Api-Key": open(f"{d}/admin-key").read().strip()})
    try:
        return int(json.load(urllib.request.urlopen(request, timeout=60))["measurements"][0]["value"])
    except Exception as e:
        return f"unknown ({e})"
r = {n: json.load(open(f"{d}/{n}.json")) for n in ("trivial", "cached", "cold", "cold-paced")}
ok = lambda n: r[n]["success"] == 1
t = r["trivial"]["throughput"]
def cpu(n):
    # CPU microseconds per request: the verifier's JVM, and with the processes it started (PostgreSQL, peer, chaincode).
    jvm0, tree0, jvm1, tree1, hz = map(int, open(f"{d}/{n}.cpu").read().split())
    per = lambda ticks: ticks * 1e6 / hz / max(1, r[n]["requests"])
    return per(jvm1 - jvm0), per(tree1 - tree0)
print("\nendpoint                  requests/s   ratio to trivial   p99 ms   success   CPU us/request: verifier JVM, with PG+peer")
for n in ("trivial", "cached", "cold", "cold-paced"):
    jvm, tree = cpu(n)
    print(f"{n:<25} {r[n]['throughput']:>10.0f}   {r[n]['throughput'] / t:>16.2f}   {r[n]['latencies']['99th'] / 1e6:>6.1f}   {r[n]['success']:.4f}   {jvm:>14.0f}   {tree:>13.0f}")
if r["cold"]["requests"] > pool:
    print(f"warning: the full-speed cold attack sent {r['cold']['requests']} requests for {pool} credentials: some were cache hits; give a larger pool")
cold, paced = r["cold"]["throughput"] / t, r["cold-paced"]["latencies"]["99th"] / 1e6
print(f"cold / trivial = {cold:.2f} (goal >= 0.5: {'met' if cold >= 0.5 and ok('cold') else 'not met'})")
print(f"cold path at {rate}/s offered: p99 {paced:.1f} ms (goal < 20 ms: {'met' if paced < 20 and ok('cold-paced') else 'not met'})")
print(f"first checks answered from the verifier's copy of the ledger: {answers('projection')}, by asking the ledger: {answers('ledger')}")
print(f"of those from the copy, held in memory: {answers('memory', 'verifier.projection.answers', 'store')},"
      f" read from its tables: {answers('database', 'verifier.projection.answers', 'store')}")
PY
