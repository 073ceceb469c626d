package com.videoapi.portal.benchmark;

import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The WildFly process under load, seen from outside: its CPU time from the kernel's own accounting
 * ({@code /proc/PID/stat}, user + system, every thread of the JVM: request threads, GC, JIT), its heap
 * after a GC and one setting, over the management port as {@code jboss-cli} reaches it (the local
 * user: the benchmark runs on the server's machine).
 */
final class ServerProcess implements AutoCloseable {

    private final ModelControllerClient management;
    private final long pid;
    private final long ticksPerSecond;

    ServerProcess(String host, int managementPort) {
        try {
            management = ModelControllerClient.Factory.create("remote+http", host, managementPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The runtime's name is "pid@host".
        String runtimeName = read("core-service=platform-mbean/type=runtime", "name").asString();
        pid = Long.parseLong(runtimeName.substring(0, runtimeName.indexOf('@')));
        ticksPerSecond = clockTicks();
    }

    long pid() {
        return pid;
    }

    int cores() {
        return read("core-service=platform-mbean/type=operating-system", "available-processors").asInt();
    }

    String serverVersion() {
        return read("", "product-version").asString();
    }

    String javaVersion() {
        return read("core-service=platform-mbean/type=runtime", "spec-version").asString() + " ("
                + read("core-service=platform-mbean/type=runtime", "vm-name").asString() + " "
                + read("core-service=platform-mbean/type=runtime", "vm-version").asString() + ")";
    }

    long maxHeapBytes() {
        return read("core-service=platform-mbean/type=memory", "heap-memory-usage").get("max").asLong();
    }

    /** CPU time the process has used so far, in nanoseconds (to the kernel's tick, 10 ms). */
    long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // After "(comm)": field 14 utime and 15 stime, counted from 1 over the whole line.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1_000_000_000L / ticksPerSecond;
        } catch (IOException e) {
            throw new UncheckedIOException("The server's process " + pid + " is not on this machine", e);
        }
    }

    /** Heap used after full GCs (the lowest of three: a concurrent collector's last cycle may lag). */
    long heapAfterGc() {
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            execute(operation("core-service=platform-mbean/type=memory", "gc"));
            lowest = Math.min(lowest, read("core-service=platform-mbean/type=memory", "heap-memory-usage").get("used").asLong());
        }
        return lowest;
    }

    /** Milliseconds the server's collectors have spent so far (pauses and concurrent cycles, as each MXBean counts them). */
    long gcMillis() {
        ModelNode children = operation("core-service=platform-mbean/type=garbage-collector", "read-children-names");
        children.get("child-type").set("name");
        ModelNode names = execute(children);
        long total = 0;
        for (ModelNode name : names.asList()) {
            total += read("core-service=platform-mbean/type=garbage-collector/name=" + name.asString(), "collection-time").asLong();
        }
        return total;
    }

    /** The portal's live HTTP sessions (Undertow's count for the web module). */
    long activeSessions() {
        return read("deployment=account-portal.ear/subdeployment=web-module.war/subsystem=undertow", "active-sessions").asLong();
    }

    /**
     * Ends one of the portal's HTTP sessions from the server's console, as an operator can: nothing is
     * written to the database (signing out would add an audit row), so the heap it frees is the
     * session's own.
     *
     * @return whether the server knew the session
     */
    boolean invalidateSession(String cookieValue) {
        // A route (".node") after the id, where the server adds one, is not part of the session's id.
        for (String id : cookieValue.contains(".") ? List.of(cookieValue, cookieValue.substring(0, cookieValue.indexOf('.')))
                : List.of(cookieValue)) {
            ModelNode op = operation("deployment=account-portal.ear/subdeployment=web-module.war/subsystem=undertow", "invalidate-session");
            op.get("session-id").set(id);
            try {
                ModelNode result = management.execute(op);
                if ("success".equals(result.get("outcome").asString()) && result.get("result").asBoolean(false)) {
                    return true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }

    /** A system property of the running server (ordinal 400: it wins over the environment), e.g. PBKDF2's iterations. */
    void setSystemProperty(String name, String value) {
        ModelNode remove = operation("system-property=" + name, "remove");
        try {
            management.execute(remove);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ModelNode add = operation("system-property=" + name, "add");
        add.get("value").set(value);
        execute(add);
    }

    private ModelNode read(String address, String attribute) {
        ModelNode op = operation(address, "read-attribute");
        op.get("name").set(attribute);
        return execute(op);
    }

    private static ModelNode operation(String address, String name) {
        ModelNode op = new ModelNode();
        op.get("operation").set(name);
        ModelNode path = op.get("address").setEmptyList();
        if (!address.isEmpty()) {
            for (String element : address.split("/")) {
                String[] pair = element.split("=", 2);
                path.add(pair[0], pair[1]);
            }
        }
        return op;
    }

    private ModelNode execute(ModelNode op) {
        try {
            ModelNode result = management.execute(op);
            if (!"success".equals(result.get("outcome").asString())) {
                throw new IllegalStateException(op.get("operation").asString() + " failed: " + result.get("failure-description"));
            }
            return result.get("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor();
            return Long.parseLong(answer);
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    @Override
    public void close() throws IOException {
        management.close();
    }
}
