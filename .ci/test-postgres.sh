# Sourced by .ci/run before `npm test`: a PostgreSQL server for the API's server suite (docs/api.md §8, §11).
#
# The suite looks for one at FUNDLADDER_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test). When
# something already answers at 127.0.0.1:$FUNDLADDER_CI_PG_PORT (default 5432; this project's machines start one before
# each session) nothing is done. Otherwise: Debian's postgresql is installed if absent, a throw-away cluster is made in
# a temporary folder (initdb as the postgres user, trust authentication, listening on 127.0.0.1 only), started, given
# a database `test`, and stopped and removed when .ci/run exits; FUNDLADDER_TEST_DATABASE_URL is exported for npm test. If that
# fails, CI goes on: npm test runs the PGlite suites and prints once that the server suite did not run.

ci_pg_port="${FUNDLADDER_CI_PG_PORT:-5432}"

ci_pg_answers() { # PORT
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h 127.0.0.1 -p "$1" -t 3
  else
    node -e "require('net').connect($1, '127.0.0.1').on('connect', () => process.exit(0)).on('error', () => process.exit(1))"
  fi
}

ci_pg_start() {
  local bin dir
  ci_pg_apt() { $([ "$(id -u)" -eq 0 ] || echo sudo) env DEBIAN_FRONTEND=noninteractive apt-get "$@" -qq >/dev/null; }
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "ci: no PostgreSQL at 127.0.0.1:$ci_pg_port and none installed: installing Debian's postgresql" >&2
    ci_pg_apt install -y --no-install-recommends postgresql || { ci_pg_apt update && ci_pg_apt install -y --no-install-recommends postgresql; } || return 1
    # The package may have started a cluster of its own on the port, with password authentication over TCP: leave it
    # alone and use another port.
    if ci_pg_answers "$ci_pg_port"; then ci_pg_port=55432; fi
  fi
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  dir="$(mktemp -d /tmp/fundladder-ci-pg.XXXXXX)"
  # initdb refuses to run as root: the cluster belongs to the postgres user the package created.
  ci_pg_as() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  ci_pg_as "$bin/initdb" -D "$dir/data" --username=postgres --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
  ci_pg_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-c listen_addresses=127.0.0.1 -p $ci_pg_port -k $dir" -w -t 60 start >/dev/null || { cat "$dir/server.log" >&2; return 1; }
  # Stopped when .ci/run ends, whatever its outcome.
  trap "ci_pg_as '$bin/pg_ctl' -D '$dir/data' -m fast -w stop >/dev/null 2>&1; rm -rf '$dir'" EXIT
  ci_pg_as "$bin/createdb" -h 127.0.0.1 -p "$ci_pg_port" -U postgres test || return 1
  echo "ci: started PostgreSQL ($("$bin/postgres" --version)) in $dir on 127.0.0.1:$ci_pg_port for the server suite" >&2
}

if ci_pg_answers "$ci_pg_port"; then
  : # a server answers: the suite uses it (FUNDLADDER_TEST_DATABASE_URL as set, or the default)
elif ci_pg_start; then
  export FUNDLADDER_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$ci_pg_port/test"
else
  echo "ci: could not start PostgreSQL at 127.0.0.1:$ci_pg_port; the server suite will not run (the PGlite suites do)" >&2
fi
