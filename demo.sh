#!/usr/bin/env bash
# Builds what the demo needs and runs it: the sample app under the -javaagent, then woven at build time,
# both sending events to an in-process stand-in of the abuse service; exits non-zero if an expectation fails.
# With --keep, the sample abuse service and its live page stay up until Ctrl-C. Needs only JDK 17 and Maven.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

echo "Building (mvn -DskipTests package: annotations, agent, sample-app, sample-app-woven) ..."
# Maven 3.8 prints stray colour resets even in quiet batch mode; pipefail keeps its exit status.
mvn -q -B -DskipTests -pl sample-app,sample-app-woven -am clean package 2>&1 | sed $'s/\x1b\[[0-9;]*m//g'

app_jar=(sample-app/target/auditweave-sample-app-*.jar)
exec java -cp "${app_jar[0]}:sample-app/target/lib/*" -Dauditweave.repo="$PWD" \
    dev.auditweave.sample.demo.DemoLauncher "$@"
