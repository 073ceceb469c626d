#!/usr/bin/env bash
# The WildFly of an integration-test run: the installation the ear module unpacked and configured, started
# once per run with a base directory of the run's own and a read-only configuration (nothing of the run
# stays in the installation, and two runs may use it at once), the EAR under test deployed once, stopped
# after the tests.
#
#   test-wildfly.sh start JBOSS_HOME BASE_DIR CONFIG PORT_OFFSET MANAGEMENT_PORT EAR [SERVER_ARG...]
#       makes BASE_DIR anew from JBOSS_HOME/standalone/configuration, starts the server (console in
#       BASE_DIR/log/console.log, server log BASE_DIR/log/server.log), waits until it is ready, deploys EAR
#       as account-portal.ear (the name an operator's deployment has); if any step fails, stops the
#       server again and exits non-zero
#   test-wildfly.sh stop JBOSS_HOME MANAGEMENT_PORT
#       stops it (does nothing if no server answers there)
#
# The environment passes through to the server (PORTAL_SECRETS_DIR, PORTAL_DB_*); JAVA_OPTS, if set,
# replaces standalone.conf's JVM options. integration-tests/pom.xml calls it (antrun, around failsafe).
# Not the wildfly-maven-plugin's start goal: with WildFly 39 it never saw the server come up (it waited
# out its timeout although the server had started in 13 s, and jboss-cli reached it).
set -euo pipefail

usage() {
    sed -n '7,14p' "$0" >&2
    exit 2
}

[ $# -ge 3 ] || usage
command=$1
jboss_home=$2

cli() {
    local port=$1
    shift
    "$jboss_home/bin/jboss-cli.sh" --connect --controller="remote+http://localhost:$port" --timeout=10000 "$@"
}

answers() {
    # Anything listening on the management port, the test server or not.
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

stop() {
    local port=$1
    if answers "$port"; then
        # The server may close the connection before the CLI reads the answer (the CLI then exits 1):
        # whether it stopped is what the loop below sees.
        cli "$port" --command=":shutdown(timeout=30)" >/dev/null 2>&1 || true
        for _ in $(seq 60); do
            answers "$port" || return 0
            sleep 1
        done
        echo "The test server on management port $port did not stop within 60 s" >&2
        return 1
    fi
}

case $command in
start)
    [ $# -ge 7 ] || usage
    base=$3 config=$4 offset=$5 port=$6 ear=$7
    shift 7
    if answers "$port"; then
        echo "Something already listens on port $port, the test server's management port: a test server left" \
             "by a killed run? Stop it: $jboss_home/bin/jboss-cli.sh --connect --controller=localhost:$port :shutdown" >&2
        exit 1
    fi
    rm -rf "$base"
    mkdir -p "$base/log" "$base/deployments"
    cp -r "$jboss_home/standalone/configuration" "$base/"
    console="$base/log/console.log"
    echo "Starting WildFly ($config, port offset $offset, base directory $base); console: $console"
    # setsid: the server outlives this script; the build stops it with `stop`.
    setsid "$jboss_home/bin/standalone.sh" -Djboss.server.base.dir="$base" --read-only-server-config="$config" \
        -Djboss.socket.binding.port-offset="$offset" "$@" >"$console" 2>&1 </dev/null &
    server=$!
    ready=""
    for _ in $(seq 120); do
        if curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; then
            ready=yes
            break
        fi
        if ! kill -0 "$server" 2>/dev/null; then
            break
        fi
        sleep 1
    done
    if [ -z "$ready" ]; then
        echo "WildFly did not become ready within 120 s; see $console and $base/log/server.log" >&2
        stop "$port" || kill "$server" 2>/dev/null || true
        exit 1
    fi
    if ! cli "$port" --command="deploy $ear --name=account-portal.ear --runtime-name=account-portal.ear"; then
        echo "The EAR did not deploy; see $base/log/server.log. The server is stopped." >&2
        stop "$port"
        exit 1
    fi
    echo "WildFly ready at management port $port, $(basename "$ear") deployed as account-portal.ear"
    ;;
stop)
    stop "$3"
    ;;
*)
    usage
    ;;
esac
