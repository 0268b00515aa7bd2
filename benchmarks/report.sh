#!/usr/bin/env bash
# Prints the Markdown tables of docs/performance.md and draws the chart from a JMH JSON result file.
#   benchmarks/report.sh [jmh-result.json] [chart.png]
# Defaults: benchmarks/target/jmh-result.json (what `java -jar benchmarks/target/benchmarks.jar quick` writes)
# and docs/performance.png. Needs only a JDK and the built benchmarks jar (mvn -pl benchmarks -am package).
set -euo pipefail
cd "$(dirname "$0")/.."
json=${1:-benchmarks/target/jmh-result.json}
png=${2:-docs/performance.png}
exec java -Djava.awt.headless=true -cp benchmarks/target/benchmarks.jar dev.auditweave.bench.report.Report "$json" "$png"
