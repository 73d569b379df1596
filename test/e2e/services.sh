#!/usr/bin/env bash
# Throwaway PostgreSQL 15 and Redis for the e2e suite's queue-mode run, on loopback ports, never the
# machine's own cluster or Redis. Used by test/e2e/harness/services.ts (and by hand):
#   services.sh install                          redis-server via apt if missing (apt-get update once);
#                                                checks the PostgreSQL 15 binaries
#   services.sh start <dir> <pg-port> <redis-port>   a new cluster (initdb) in <dir>/pg and Redis, both
#                                                daemonized; prints "ready pg=<port> redis=<port>"
#   services.sh stop <dir>                       stops both (idempotent)
# Postgres refuses to run as root: as root (CI) the cluster runs as the `postgres` user, with a data dir it
# owns. Authentication is `trust` on 127.0.0.1 only (throwaway test data); the unix socket lives in the
# data dir.
set -euo pipefail

PG_BIN=${E2E_PG_BIN:-/usr/lib/postgresql/15/bin}

log() { echo "e2e services: $*" >&2; }

as_pg() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

install() {
	if ! command -v redis-server >/dev/null 2>&1; then
		if [ "$(id -u)" != 0 ]; then
			log "redis-server is missing and this is not root: run 'apt-get install -y redis-server'"
			exit 1
		fi
		log "installing redis-server with apt"
		# another apt run on the machine holds the dpkg lock for a while: wait for it
		apt-get -o DPkg::Lock::Timeout=600 update -qq >&2 || log "apt-get update failed; trying the present lists"
		DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq redis-server >&2
		# Debian's package starts the machine's Redis on 6379; the suite runs its own
		if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
			systemctl stop redis-server >/dev/null 2>&1 || true
		fi
	fi
	if [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pg_ctl" ]; then
		if [ "$(id -u)" = 0 ]; then
			log "installing postgresql-15 with apt"
			apt-get -o DPkg::Lock::Timeout=600 update -qq >&2 || true
			DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq postgresql-15 >&2
		fi
		[ -x "$PG_BIN/initdb" ] || { log "PostgreSQL 15 binaries not found in $PG_BIN"; exit 1; }
	fi
	if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
		log "no 'postgres' user to run the cluster as"
		exit 1
	fi
}

start() {
	local dir=$1 pg_port=$2 redis_port=$3
	install
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	local pgdata="$dir/pg"
	# the postgres user must reach the data dir: a clone under a private home falls back to /tmp
	if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$dir"; then
		local tmp
		tmp=$(mktemp -d /tmp/n8n-nodes-hibob-pg.XXXXXX)
		chmod 755 "$tmp"
		pgdata="$tmp/pg"
		echo "$pgdata" >"$dir/pgdata-path"
	fi
	rm -rf "$pgdata"
	mkdir -p "$pgdata"
	if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$pgdata"; fi
	chmod 700 "$pgdata"
	echo "$pgdata" >"$dir/pgdata-path"
	as_pg "$PG_BIN/initdb" -D "$pgdata" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	local pglog="$pgdata/postgres.log"
	as_pg "$PG_BIN/pg_ctl" -D "$pgdata" -l "$pglog" -w -t 120 \
		-o "-c listen_addresses=127.0.0.1 -p $pg_port -c unix_socket_directories=$pgdata -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
		start >/dev/null || { cat "$pglog" >&2; exit 1; }
	echo "$pg_port" >"$dir/pg-port"

	mkdir -p "$dir/redis"
	redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize yes \
		--dir "$dir/redis" --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log"
	echo "$redis_port" >"$dir/redis-port"
	local waited=0
	until redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1; do
		waited=$((waited + 1))
		[ $waited -lt 300 ] || { log "Redis did not answer"; cat "$dir/redis/redis.log" >&2; exit 1; }
		sleep 0.1
	done
	echo "ready pg=$pg_port redis=$redis_port pgdata=$pgdata"
}

stop() {
	local dir=$1
	[ -d "$dir" ] || return 0
	if [ -f "$dir/redis-port" ]; then
		redis-cli -h 127.0.0.1 -p "$(cat "$dir/redis-port")" shutdown nosave >/dev/null 2>&1 || true
		[ -f "$dir/redis/redis.pid" ] && kill "$(cat "$dir/redis/redis.pid")" 2>/dev/null || true
		rm -f "$dir/redis-port"
	fi
	if [ -f "$dir/pgdata-path" ]; then
		local pgdata
		pgdata=$(cat "$dir/pgdata-path")
		if [ -f "$pgdata/postmaster.pid" ]; then
			as_pg "$PG_BIN/pg_ctl" -D "$pgdata" -m immediate -w -t 60 stop >/dev/null 2>&1 || true
		fi
		case "$pgdata" in /tmp/n8n-nodes-hibob-pg.*) rm -rf "$(dirname "$pgdata")" ;; *) rm -rf "$pgdata" ;; esac
		rm -f "$dir/pgdata-path" "$dir/pg-port"
	fi
}

case "${1:-}" in
install) install ;;
start)
	[ $# -eq 4 ] || { echo "usage: $0 start <dir> <pg-port> <redis-port>" >&2; exit 2; }
	start "$2" "$3" "$4"
	;;
stop)
	[ $# -eq 2 ] || { echo "usage: $0 stop <dir>" >&2; exit 2; }
	stop "$2"
	;;
*)
	echo "usage: $0 install | start <dir> <pg-port> <redis-port> | stop <dir>" >&2
	exit 2
	;;
esac
