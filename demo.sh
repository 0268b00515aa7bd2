#!/usr/bin/env bash
# Builds what the demo needs and runs it: the sample app under the -javaagent, then woven at build time,
# both sending events to an in-process stand-in of the abuse service; exits non-zero if an expectation fails.
# Needs only JDK 17 and Maven.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

echo "Building (mvn -DskipTests package: annotations, agent, sample-app, sample-app-woven) ..."
mvn -q -B -DskipTests -pl sample-app,sample-app-woven -am clean package

app_jar=(sample-app/target/auditweave-sample-app-*.jar)
exec java -cp "${app_jar[0]}:sample-app/target/lib/*" -Dauditweave.repo="$PWD" \
    dev.auditweave.sample.demo.DemoLauncher
