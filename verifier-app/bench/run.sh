#!/usr/bin/env bash
# Load test on loopback: /api/v1/verify (statuses cached) next to a trivial endpoint of the same
# service (/actuator/health/liveness), in one run, with wrk (apt-get install -y wrk).
# Usage: verifier-app/bench/run.sh [seconds] [connections]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-15}"
connections="${2:-32}"
port=18082
export BENCH_DIR="$root/verifier-app/target/bench"
command -v wrk >/dev/null || { echo "bench: wrk is needed (apt-get install -y wrk)" >&2; exit 1; }
rm -rf "$BENCH_DIR"
# One reactor build (-am): our own modules exist only in the reactor on a fresh machine; verifier-app
# builds last, so its classpath is the one left in the file.
(cd "$root" && mvn -q -B -pl verifier-app -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$root/verifier-app/target/bench-classpath.txt" -Dmdep.includeScope=test)
cd "$root/verifier-app"
java -cp "$(cat target/bench-classpath.txt):target/classes:target/test-classes" \
  org.pramaan.verifier.bench.BenchmarkServer "$port" "$BENCH_DIR" > "$BENCH_DIR.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do [ -f "$BENCH_DIR/api-key" ] && break; sleep 1; done
[ -f "$BENCH_DIR/api-key" ] || { echo "bench: the server did not start; see $BENCH_DIR.log" >&2; exit 1; }
url="http://127.0.0.1:$port"
echo "== warm-up"; wrk -t2 -c"$connections" -d5s -s "$here/verify.lua" "$url/api/v1/verify" >/dev/null
echo "== trivial: GET /actuator/health/liveness"; wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url/actuator/health/liveness"
echo "== verify: POST /api/v1/verify (cached status)"; wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$here/verify.lua" "$url/api/v1/verify"
echo "== verify paced at about 500 requests per second (10 connections, 20 ms apart)"
BENCH_SCRIPTS="$here" wrk -t2 -c10 -d"${seconds}s" --latency -s "$here/paced.lua" "$url/api/v1/verify"
