#!/usr/bin/env bash
# The benchmark of BENCHMARKS.md, in one command, from the repository's root:
#
#   benchmark/run-benchmark.sh                      # both iteration counts, about 10 minutes
#   benchmark/run-benchmark.sh -Dbench.quick=true   # a quick check that everything works (about 4 minutes)
#
# 1. builds the load generator (module benchmark, profile benchmark: not part of the test command);
# 2. starts the product with the README's run command, `mvn package -Prun`, its code channel pointed at the
#    fake Verify API (which the load generator starts) and the send limits lifted, through the environment
#    (below; docs/configuration.md);
# 3. runs the load generator (com.videoapi.portal.benchmark.Benchmark) in a JVM of its own, which prints the
#    table and writes it to benchmark/target/benchmark-report.md;
# 4. stops the server, whatever happened.
#
# Arguments are passed to the load generator: -Dbench.warm-up=PT2M -Dbench.duration=PT1M
# -Dbench.iterations=27500,600000 -Dbench.users=1000 -Dbench.concurrency=16 ... (BENCHMARKS.md lists them).
# Ports, from the environment: BENCH_PORT_OFFSET (default 0: HTTP 8080, management 9990) and
# BENCH_FAKE_VERIFY_PORT (default 18999). The server's largest heap: BENCH_HEAP (default 2g, the run command's
# -Drun.heap: the run leaves about 15,000 signed-in sessions alive, each until 30 minutes idle, which the run
# command's default 512m cannot hold beside the in-memory database without collecting all the time).
# The server's log: benchmark/target/server-run.log.
# BENCH_JFR=true records the server with the JDK's Flight Recorder (settings=profile) from the moment it
# answers to its stop, into benchmark/target/server.jfr: read it with `jfr summary` and
# `jfr print --events jdk.ExecutionSample` (BENCHMARKS.md, "Profile"; on JDK 21 also `jfr view hot-methods`).
set -euo pipefail
cd "$(dirname "$0")/.."

offset=${BENCH_PORT_OFFSET:-0}
http_port=$((8080 + offset))
management_port=$((9990 + offset))
fake_port=${BENCH_FAKE_VERIFY_PORT:-18999}
heap=${BENCH_HEAP:-2g}
target=benchmark/target
wildfly_home=servers/wildfly/target/wildfly-39.0.1.Final

if curl -s -o /dev/null "http://localhost:${http_port}/"; then
    echo "Something answers on port ${http_port} already: stop it, or move the benchmark's ports (BENCH_PORT_OFFSET)." >&2
    exit 1
fi

# The run command's server passivates its sessions to disk when it stops and loads them again when it
# starts; an earlier run's thousands, loaded and expired while this one measures (and, after a code change,
# failing to deserialize with a WARNING each), would be counted as this run's CPU.
rm -rf "${wildfly_home}/standalone/data/infinispan/web"

echo "== Building the load generator"
mvn -B -q -Pbenchmark -pl benchmark -am package -DskipTests

echo "== Starting the product: mvn package -Prun -Drun.port-offset=${offset} -Drun.heap=${heap} (log: ${target}/server-run.log)"
# The Vonage channel against the fake, with credentials and a number key of this run only; the limits a
# thousand people signing in from one address would meet, lifted (the product's defaults guard real traffic).
TWOFACTOR_CHANNEL=vonage \
VONAGE_API_KEY=benchmark \
VONAGE_API_SECRET="$(head -c 24 /dev/urandom | base64)" \
VONAGE_API_BASE_URL="http://127.0.0.1:${fake_port}" \
TWOFACTOR_NUMBER_KEY="$(head -c 48 /dev/urandom | base64)" \
TWOFACTOR_RESEND_COOLDOWN=PT0S \
TWOFACTOR_SENDS_PER_USER_PER_HOUR=100000000 \
TWOFACTOR_SENDS_PER_NUMBER_PER_DAY=100000000 \
TWOFACTOR_SENDS_PER_HOUR=100000000 \
TWOFACTOR_ENROLMENT_SENDS_PER_ADDRESS_PER_HOUR=100000000 \
TWOFACTOR_ENROLMENT_SENDS_PER_HOUR=100000000 \
SIGNIN_PASSWORD_CHECKS_PER_ADDRESS_PER_MINUTE=100000000 \
SIGNUP_PER_ADDRESS_PER_HOUR=100000000 \
    mvn -B package -Prun -Drun.port-offset="${offset}" -Drun.management-port="${management_port}" -Drun.heap="${heap}" -Dwildfly.startupTimeout=600 \
    >"${target}/server-run.log" 2>&1 &
server_build=$!

server_pid=""
stop_server() {
    if [ -n "${server_pid}" ]; then
        # Stopping the recording writes the file; the server then stops as usual.
        jcmd "${server_pid}" JFR.stop name=benchmark >/dev/null 2>&1 || true
        echo "== Flight recording: ${target}/server.jfr"
    fi
    if kill -0 "${server_build}" 2>/dev/null; then
        echo "== Stopping the server"
        "${wildfly_home}/bin/jboss-cli.sh" --connect --controller="localhost:${management_port}" --command=":shutdown" \
            >/dev/null 2>&1 || kill "${server_build}" 2>/dev/null || true
        wait "${server_build}" 2>/dev/null || true
    fi
}
trap stop_server EXIT

echo "== Waiting for http://localhost:${http_port}/signin.xhtml"
for _ in $(seq 1 600); do
    if ! kill -0 "${server_build}" 2>/dev/null; then
        echo "The run command ended before the portal answered: see ${target}/server-run.log" >&2
        tail -20 "${target}/server-run.log" >&2
        exit 1
    fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:${http_port}/signin.xhtml")" = "200" ]; then
        break
    fi
    sleep 1
done

if [ "${BENCH_JFR:-false}" = "true" ]; then
    # The server's JVM, not the Maven process that started it: the one given this offset as a server argument.
    server_pid=$(pgrep -f -- "jboss-modules.jar.*-Djboss.socket.binding.port-offset=${offset}( |$)" | head -1 || true)
    if [ -n "${server_pid}" ]; then
        echo "== Recording the server (process ${server_pid}) with JFR into ${target}/server.jfr"
        # Deeper stacks than JFR's 64 frames, or a request's own frames (under Undertow, Faces, Weld, EJB) are cut off.
        jcmd "${server_pid}" JFR.configure stackdepth=512 >/dev/null || true
        jcmd "${server_pid}" JFR.start name=benchmark settings=profile filename="$(pwd)/${target}/server.jfr" >/dev/null
    else
        echo "BENCH_JFR: the server's process was not found; running without a recording." >&2
    fi
fi

echo "== Load generator (uptime: $(uptime))"
java -Xmx2g -cp "${target}/classes:$(cat "${target}/classpath.txt")" \
    -Dbench.url="http://localhost:${http_port}/" \
    -Dbench.management-port="${management_port}" \
    -Dbench.fake-verify.port="${fake_port}" \
    -Dbench.report="${target}/benchmark-report.md" \
    -Dbench.command="benchmark/run-benchmark.sh $*" \
    "$@" com.videoapi.portal.benchmark.Benchmark
