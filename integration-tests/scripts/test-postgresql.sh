#!/usr/bin/env bash
# A throw-away PostgreSQL server for the integration tests, from the machine's own PostgreSQL
# (Debian's `postgresql` package: /usr/lib/postgresql/<version>/bin), listening on 127.0.0.1 only.
#
#   test-postgresql.sh fresh DIR PORT DATABASE USER PASSWORD   a new cluster in DIR/data, started, with
#                                                              USER (not a superuser) owning DATABASE
#   test-postgresql.sh stop DIR                                stops it (fast: sessions are cut)
#   test-postgresql.sh start DIR                               starts it again, data kept
#
# The build calls `fresh` before the integration tests and `stop` after them (integration-tests/pom.xml,
# for on-wildfly-postgresql); DatabaseOutageIT calls `stop` and `start` in the middle of an enrolment.
# PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user, which owns DIR;
# if `postgres` cannot reach DIR (e.g. a checkout under /root), the cluster goes to a directory under
# /tmp, whose path DIR/location keeps.
# Set PG_BIN to use another installation than the newest under /usr/lib/postgresql.
set -euo pipefail

usage() {
    sed -n '5,8p' "$0" >&2
    exit 2
}

[ $# -ge 2 ] || usage
command=$1
dir=$2

pg_bin() {
    if [ -n "${PG_BIN:-}" ]; then
        echo "$PG_BIN"
        return
    fi
    local newest
    newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$newest" ]; then
        echo "$newest"
    elif command -v initdb >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
    else
        echo "test-postgresql.sh: no PostgreSQL found (install Debian's postgresql package, or set PG_BIN)" >&2
        exit 1
    fi
}
bin=$(pg_bin)

# As root, everything that touches the cluster runs as `postgres`.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# Where the cluster and its log are: DIR, or the directory DIR/location names.
cluster() {
    if [ -f "$dir/location" ]; then cat "$dir/location"; else echo "$dir"; fi
}

is_running() {
    local home
    home=$(cluster)
    [ -f "$home/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$home/data" status >/dev/null 2>&1
}

stop() {
    if is_running; then
        as_owner "$bin/pg_ctl" -D "$(cluster)/data" -m fast -w stop >/dev/null
        echo "PostgreSQL in $(cluster) stopped"
    fi
}

start() {
    if is_running; then
        return
    fi
    local home
    home=$(cluster)
    if ! as_owner "$bin/pg_ctl" -D "$home/data" -l "$home/postgresql.log" -w -t 60 start >/dev/null; then
        echo "PostgreSQL in $home did not start; the end of its log:" >&2
        tail -n 20 "$home/postgresql.log" >&2 || true
        exit 1
    fi
    echo "PostgreSQL in $home started"
}

fresh() {
    [ $# -eq 4 ] || usage
    local port=$1 database=$2 user=$3 password=$4
    # A server left running by an interrupted build would keep the port.
    stop
    if [ "$(cluster)" != "$dir" ]; then rm -rf "$(cluster)"; fi
    rm -rf "$dir"
    mkdir -p "$dir"
    local home=$dir
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$dir"
        if ! runuser -u postgres -- test -w "$dir"; then
            home=$(mktemp -d "${TMPDIR:-/tmp}/account-portal-test-postgresql.XXXXXX")
            chown postgres: "$home"
            echo "$home" > "$dir/location"
        fi
    fi
    # The superuser's password is needed only here, to create the application's role and database.
    local superuser_password
    superuser_password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    printf '%s\n' "$superuser_password" > "$home/superuser-password"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$home/superuser-password"; fi
    chmod 600 "$home/superuser-password"
    # Passwords over TCP, as a real server would ask; no Unix socket (its default directory belongs
    # to the system's own PostgreSQL).
    as_owner "$bin/initdb" --pgdata="$home/data" --username=postgres --pwfile="$home/superuser-password" \
        --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    # Durability is worthless for a database deleted after the run: skip fsyncs, which are most of
    # the time spent by a small server on a busy CI machine.
    as_owner tee -a "$home/data/postgresql.conf" >/dev/null <<EOF

# test-postgresql.sh: for the integration tests only
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    start
    PGPASSWORD=$superuser_password "$bin/psql" --no-psqlrc --quiet -v ON_ERROR_STOP=1 \
        -h 127.0.0.1 -p "$port" -U postgres -d postgres \
        -v user="$user" -v password="$password" -v database="$database" <<'EOF'
create role :"user" login password :'password';
create database :"database" owner :"user";
EOF
    echo "PostgreSQL for the tests on 127.0.0.1:$port, database $database, user $user (cluster in $home)"
}

case "$command" in
    fresh) shift 2; fresh "$@" ;;
    stop) stop ;;
    start) start ;;
    *) usage ;;
esac
