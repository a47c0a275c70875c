#!/usr/bin/env bash
# The scorecard benchmark of docs/BENCHMARKS.md: hcp scorecard --by department beside DuckDB (2 threads) on the
# same generated files, in the same run. Usage: benchmarks/scorecard/run.sh 100000 1000000 [10000000]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${SCORECARD_BENCH_DIR:-/tmp/hcp-scorecard-bench}"
mkdir -p "$work"
duckdb_jar="$(ls ~/.m2/repository/org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar | sort -V | tail -1)"
javac -d "$work" -cp "$duckdb_jar" "$root/benchmarks/scorecard/DuckDbScorecard.java"
"$root/hcp" scorecard sql --dialect duckdb --by department > "$work/query.sql"
# Besides wall-clock seconds: CPU seconds (user + system) and the 1-minute load average when the run ended, since
# other builds may share the machine.
printf '%-10s %-9s %8s %8s %12s %11s %6s\n' records engine seconds cpu_s records/s peakRSS_MB load1
row() {
  read -r s u y kb < "$work/t"
  printf '%-10s %-9s %8s %8.2f %12.0f %11.0f %6s\n' "$1" "$2" "$s" "$(echo "$u + $y" | bc -l)" "$(echo "$1 / $s" | bc -l)" \
    "$(echo "$kb / 1024" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
}
for n in "$@"; do
  f="$work/statistics-$n.jsonl"
  [ -f "$f" ] || "$root/hcp" scorecard generate --records "$n" --out "$f"
  /usr/bin/time -f '%e %U %S %M' -o "$work/t" "$root/hcp" scorecard --by department "$f" > "$work/java-$n.txt"
  row "$n" hcp
  /usr/bin/time -f '%e %U %S %M' -o "$work/t" java -cp "$work:$duckdb_jar" DuckDbScorecard "$f" "$work/query.sql" 2 > "$work/duckdb-$n.txt"
  row "$n" duckdb-2t
done
