#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for the tests and prints its URL.
# PostgreSQL refuses to run as root, so the server runs as the `postgres` user in a temp folder.
# Usage: eval "$(scripts/test-postgres.sh start)"   …   scripts/test-postgres.sh stop "$PGTEST_DIR"
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql" >&2; exit 1; }
case "${1:-start}" in
start)
  dir=$(mktemp -d /tmp/objektiv-pg.XXXXXX)
  port=${PGTEST_PORT:-54329}
  # Another server on the port (a developer's own test server, say): take the next free one.
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  as=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; as=(runuser -u postgres --); fi
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U objektiv --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  "${as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U objektiv objektiv_test
  echo "export PGTEST_DIR=$dir"
  echo "export TEST_DATABASE_URL=postgresql://objektiv@127.0.0.1:$port/objektiv_test"
  ;;
stop)
  dir=${2:?folder}
  as=()
  if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); fi
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
esac
