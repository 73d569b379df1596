#!/usr/bin/env bash
# `npm run demo` (and `npm run screenshots`): everything from a fresh clone.
#  1. the project's dev dependencies, if they are not installed yet (npm ci; the e2e README explains
#     why the real n8n gets its own Node 24 install instead);
#  2. the real n8n 2.41.1 on Node 24 in .cache/ (test/e2e/setup-n8n.sh: ~5 min the first time, then cached);
#  3. our package, built;
#  4. tools/run.js demo: the simulator, n8n at http://localhost:5678, the workflows and the HR driver.
# Arguments go to tools/run.js: `npm run demo -- --check` stops after the first live event (exit 0) instead of
# running until Ctrl-C.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
COMMAND=${DEMO_COMMAND:-demo}

if [ ! -x node_modules/.bin/tsc ] || [ ! -d node_modules/n8n-workflow ]; then
	echo "Installing the project's dev dependencies (npm ci)…"
	npm ci
fi
test/e2e/setup-n8n.sh
echo "Building the package…"
npm run build --silent >/dev/null
exec node tools/run.js "$COMMAND" "$@"
