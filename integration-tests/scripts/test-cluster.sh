#!/usr/bin/env bash
# The cluster of an integration-test run (integration-tests/on-wildfly-cluster) and of `mvn package
# -Prun,cluster`: two WildFly nodes (standalone-cluster.xml, each started by test-wildfly.sh with the
# EAR deployed) and the load balancer in front of them (standalone-balancer.xml), all from the one
# installation that servers/wildfly configured, each with a base directory of its own under RUN_DIR.
#
#   test-cluster.sh start RUN_DIR [SERVER_ARG...]   the balancer, then both nodes at the same moment
#                                                   (so both migrate the empty database at once);
#                                                   waits until the balancer serves the portal
#   test-cluster.sh stop RUN_DIR                    stops the nodes and the balancer
#   test-cluster.sh start-node RUN_DIR NODE         starts node `a` or `b` again, EAR deployed
#   test-cluster.sh stop-node RUN_DIR NODE          stops it gracefully: suspend (the balancer stops
#                                                   sending it requests, those under way finish), shutdown
#   test-cluster.sh kill-node RUN_DIR NODE          kill -9 of its JVM, as a crash
#   test-cluster.sh run RUN_DIR                     `mvn package -Prun,cluster`: a new PostgreSQL (in
#                                                   POSTGRESQL_DIR, on POSTGRESQL_PORT), then `start` on it
#                                                   with the development channel (unless TWOFACTOR_CHANNEL
#                                                   says otherwise), until Ctrl-C; then stops everything
#
# `start` reads its settings from the environment: JBOSS_HOME, EAR, NODE_A_OFFSET, NODE_B_OFFSET (the
# nodes' port offsets: HTTP 8080 + offset, management 9990 + offset, JGroups 7600 + offset),
# BALANCER_HTTP_PORT, BALANCER_HTTPS_PORT, BALANCER_MCMP_PORT (where the nodes register),
# BALANCER_MANAGEMENT_PORT; JAVA_OPTS and BALANCER_JAVA_OPTS; PORTAL_* and TWOFACTOR_AUTHENTICATOR_KEY pass
# through to the nodes.
# It writes RUN_DIR/node-a.sh and node-b.sh, which `start-node` runs; the logs of the first start
# (the simultaneous one) are kept in RUN_DIR/first-start/.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)

usage() {
    sed -n '7,21p' "$0" >&2
    exit 2
}

[ $# -ge 2 ] || usage
command=$1
run=$2
shift 2

answers() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The settings `start` saved, for the other commands.
settings() {
    # shellcheck disable=SC1091
    source "$run/cluster.env"
}

node_pid() {
    # The node's JVM: the java process whose command line names its base directory.
    local base="$run/node-$1" pid
    for pid in $(pgrep -f -- "-Djboss.server.base.dir=$base( |\$)" || true); do
        if [ "$(ps -o comm= -p "$pid")" = java ]; then
            echo "$pid"
        fi
    done
}

case $command in
start)
    : "${JBOSS_HOME:?}" "${EAR:?}" "${NODE_A_OFFSET:?}" "${NODE_B_OFFSET:?}" "${BALANCER_HTTP_PORT:?}" \
        "${BALANCER_HTTPS_PORT:?}" "${BALANCER_MCMP_PORT:?}" "${BALANCER_MANAGEMENT_PORT:?}"
    rm -rf "$run"
    mkdir -p "$run/first-start"
    balancer_http=$BALANCER_HTTP_PORT
    balancer_management=$BALANCER_MANAGEMENT_PORT
    # Every node knows every member (JGroups TCPPING) and the balancer's MCMP port (mod_cluster).
    export PORTAL_CLUSTER_MEMBERS="127.0.0.1[$((7600 + NODE_A_OFFSET))],127.0.0.1[$((7600 + NODE_B_OFFSET))]"
    export PORTAL_BALANCER_HOST=127.0.0.1
    export PORTAL_BALANCER_PORT=$BALANCER_MCMP_PORT
    {
        echo "JBOSS_HOME=$(printf %q "$JBOSS_HOME")"
        echo "balancer_http=$balancer_http"
        echo "balancer_management=$balancer_management"
        echo "node_a_management=$((9990 + NODE_A_OFFSET))"
        echo "node_b_management=$((9990 + NODE_B_OFFSET))"
    } > "$run/cluster.env"
    for node in a b; do
        offset_var="NODE_${node^^}_OFFSET"
        offset=${!offset_var}
        {
            echo "#!/usr/bin/env bash"
            echo "# Starts node $node of this cluster (written by test-cluster.sh start)."
            for name in $(compgen -e | grep -E '^(PORTAL_|TWOFACTOR_AUTHENTICATOR_KEY$|JAVA_OPTS$)'); do
                echo "export $name=$(printf %q "${!name}")"
            done
            printf 'exec bash %q start %q %q standalone-cluster.xml %q %q %q -Djboss.node.name=node-%s' \
                "$here/test-wildfly.sh" "$JBOSS_HOME" "$run/node-$node" "$offset" "$((9990 + offset))" "$EAR" "$node"
            for arg in "$@"; do printf ' %q' "$arg"; done
            echo
        } > "$run/node-$node.sh"
    done

    if answers "$balancer_management" || answers "$balancer_http"; then
        echo "Something already listens on the balancer's port $balancer_http or $balancer_management: a cluster left by a" \
             "killed run? Stop it: $0 stop $run" >&2
        exit 1
    fi
    mkdir -p "$run/balancer/log"
    cp -r "$JBOSS_HOME/standalone/configuration" "$run/balancer/"
    echo "Starting the load balancer (standalone-balancer.xml): http://localhost:$balancer_http/"
    JAVA_OPTS=${BALANCER_JAVA_OPTS:-${JAVA_OPTS:-}} setsid "$JBOSS_HOME/bin/standalone.sh" \
        -Djboss.server.base.dir="$run/balancer" --read-only-server-config=standalone-balancer.xml \
        -Djboss.http.port="$BALANCER_HTTP_PORT" -Djboss.https.port="$BALANCER_HTTPS_PORT" \
        -Djboss.mcmp.port="$BALANCER_MCMP_PORT" -Djboss.management.http.port="$BALANCER_MANAGEMENT_PORT" \
        -Djboss.node.name=balancer \
        >"$run/balancer/log/console.log" 2>&1 </dev/null &

    # The sessions table first (ear/src/main/wildfly/cluster-sessions.sql): Infinispan's own creation
    # of it is not safe for two nodes starting at once.
    sessions_sql="$here/../../ear/src/main/wildfly/cluster-sessions.sql"
    PGPASSWORD=${PORTAL_DB_PASSWORD:-} psql "${PORTAL_DB_URL#jdbc:}" -U "${PORTAL_DB_USER:-portal}" \
        -v ON_ERROR_STOP=1 -q -f "$sessions_sql"

    # Both nodes at the same moment, on the same (empty) database.
    bash "$run/node-a.sh" > "$run/first-start/node-a.out" 2>&1 &
    node_a=$!
    bash "$run/node-b.sh" > "$run/first-start/node-b.out" 2>&1 &
    node_b=$!
    failed=""
    wait "$node_a" || failed="$failed a"
    wait "$node_b" || failed="$failed b"
    cat "$run/first-start/node-a.out" "$run/first-start/node-b.out"
    cp "$run/node-a/log/server.log" "$run/first-start/node-a-server.log" 2>/dev/null || true
    cp "$run/node-b/log/server.log" "$run/first-start/node-b-server.log" 2>/dev/null || true
    if [ -n "$failed" ]; then
        echo "Node(s)$failed did not start; see $run/first-start/" >&2
        "$0" stop "$run" || true
        exit 1
    fi
    # The nodes register with the balancer (mod_cluster) once the portal is deployed.
    for _ in $(seq 60); do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$balancer_http/signin.xhtml")" = 200 ]; then
            echo "The cluster serves the portal at http://localhost:$balancer_http/ (nodes: $run/node-a, $run/node-b)"
            exit 0
        fi
        sleep 1
    done
    echo "The balancer did not serve the portal within 60 s; see $run/balancer/log/server.log" >&2
    "$0" stop "$run" || true
    exit 1
    ;;
stop)
    settings
    status=0
    bash "$here/test-wildfly.sh" stop "$JBOSS_HOME" "$node_a_management" || status=1
    bash "$here/test-wildfly.sh" stop "$JBOSS_HOME" "$node_b_management" || status=1
    bash "$here/test-wildfly.sh" stop "$JBOSS_HOME" "$balancer_management" || status=1
    exit $status
    ;;
start-node)
    [ $# -eq 1 ] || usage
    settings
    # The node's last logs are kept beside it, since test-wildfly.sh makes its base directory anew.
    if [ -d "$run/node-$1/log" ]; then
        mv "$run/node-$1/log" "$run/node-$1-log.$(date +%s)"
    fi
    bash "$run/node-$1.sh"
    # Up is not yet in the balancer's rotation: mod_cluster enables the node's context at the balancer a
    # moment later (longer on a busy machine). Stopping the other node before then leaves the balancer with
    # no node for the portal (503), so wait until a request bound to this node's route is served by it.
    for _ in $(seq 1 120); do
        if curl -s -o /dev/null -D - -b "JSESSIONID=probe.node-$1" "http://127.0.0.1:$balancer_http/signin.xhtml" \
                | grep -qi "^set-cookie: JSESSIONID=[^;]*\.node-$1"; then
            echo "The balancer sends node $1 its requests again"
            exit 0
        fi
        sleep 1
    done
    echo "The balancer did not route to node $1 within 120 s; see $run/balancer/log/server.log" >&2
    exit 1
    ;;
stop-node)
    [ $# -eq 1 ] || usage
    settings
    management_var="node_$1_management"
    port=${!management_var}
    # One operation (one CLI start, which takes long on a busy machine): suspended first, so mod_cluster
    # withdraws the node's contexts from the balancer and requests under way finish (at most 60 s), then
    # stopped. The server may close the connection before the CLI reads the answer; the wait below judges.
    "$JBOSS_HOME/bin/jboss-cli.sh" --connect --controller="remote+http://localhost:$port" --timeout=10000 \
        --command=":shutdown(suspend-timeout=60)" >/dev/null 2>&1 || true
    bash "$here/test-wildfly.sh" stop "$JBOSS_HOME" "$port"
    ;;
kill-node)
    [ $# -eq 1 ] || usage
    pid=$(node_pid "$1")
    if [ -z "$pid" ]; then
        echo "No JVM of node $1 found" >&2
        exit 1
    fi
    kill -9 $pid
    echo "Node $1 (pid $pid) killed"
    ;;
run)
    : "${POSTGRESQL_DIR:?}" "${POSTGRESQL_PORT:?}"
    # A database for this run only, on loopback, as the PostgreSQL run of the tests has.
    export PORTAL_DB_URL="jdbc:postgresql://127.0.0.1:$POSTGRESQL_PORT/portal" PORTAL_DB_USER=portal
    PORTAL_DB_PASSWORD=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
    export PORTAL_DB_PASSWORD
    bash "$here/test-postgresql.sh" fresh "$POSTGRESQL_DIR" "$POSTGRESQL_PORT" portal portal "$PORTAL_DB_PASSWORD"
    stopped=""
    stop_all() {
        [ -n "$stopped" ] && return
        stopped=yes
        echo "Stopping the cluster and its database"
        "$0" stop "$run" || true
        bash "$here/test-postgresql.sh" stop "$POSTGRESQL_DIR" || true
    }
    trap stop_all EXIT
    trap 'exit 130' INT TERM
    # Authenticator apps need one twofactor.authenticator-key on both nodes (a key each node made itself
    # would not open the other's apps): one made for this run, unless the environment sets it.
    if [ -z "${TWOFACTOR_AUTHENTICATOR_KEY:-}" ]; then
        TWOFACTOR_AUTHENTICATOR_KEY=$(od -An -N36 -tx1 /dev/urandom | tr -d ' \n')
    fi
    export TWOFACTOR_AUTHENTICATOR_KEY
    # As mvn package -Prun: mails in the nodes' logs, unless PORTAL_SMTP_HOST names an SMTP server.
    mail_delivery=log
    [ -n "${PORTAL_SMTP_HOST:-}" ] && mail_delivery=smtp
    "$0" start "$run" "-Dtwofactor.channel=${TWOFACTOR_CHANNEL:-development}" "-Dmail.delivery=$mail_delivery" "$@"
    echo "The portal runs on two nodes behind http://localhost:$BALANCER_HTTP_PORT/ until Ctrl-C." \
         "Logs: $run/node-a/log/server.log, $run/node-b/log/server.log (codes: grep 'NO SMS SENT')"
    while true; do sleep 3600 & wait $!; done
    ;;
*)
    usage
    ;;
esac
