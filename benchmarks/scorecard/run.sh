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
printf '%-10s %-8s %10s %14s %12s\n' records engine seconds records/s peakRSS_MB
for n in "$@"; do
  f="$work/statistics-$n.jsonl"
  [ -f "$f" ] || "$root/hcp" scorecard generate --records "$n" --out "$f"
  /usr/bin/time -f '%e %M' -o "$work/t" "$root/hcp" scorecard --by department "$f" > "$work/java-$n.txt"
  read -r s kb < "$work/t"
  printf '%-10s %-8s %10s %14.0f %12.0f\n' "$n" hcp "$s" "$(echo "$n / $s" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
  /usr/bin/time -f '%e %M' -o "$work/t" java -cp "$work:$duckdb_jar" DuckDbScorecard "$f" "$work/query.sql" 2 > "$work/duckdb-$n.txt"
  read -r s kb < "$work/t"
  printf '%-10s %-8s %10s %14.0f %12.0f\n' "$n" duckdb-2t "$s" "$(echo "$n / $s" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
done
