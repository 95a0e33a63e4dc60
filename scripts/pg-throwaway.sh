# Sourced by scripts: starts a throw-away PostgreSQL on 127.0.0.1 and exports TEST_PG_URL.
pg_bin_dir() {
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

pg_throwaway_start() {
  local bin; bin=$(pg_bin_dir)
  if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
    echo "PostgreSQL is not installed (apt-get install postgresql); the suite runs on both databases." >&2
    exit 1
  fi
  PG_TMP=$(mktemp -d /tmp/onewindow-pg.XXXXXX)
  PG_PORT=${PG_PORT:-$(( 55000 + RANDOM % 5000 ))}
  local as=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$PG_TMP"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_TMP -c fsync=off -c max_connections=300" start >/dev/null
  export TEST_PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  export PG_THROWAWAY_BIN="$bin" PG_TMP
}

pg_throwaway_stop() {
  local as=()
  [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$PG_THROWAWAY_BIN/pg_ctl" -D "$PG_TMP/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_TMP"
}
