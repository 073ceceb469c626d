package com.videoapi.portal.it.cluster;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The two nodes and the balancer that the build started (integration-tests/scripts/test-cluster.sh),
 * as a test sees them: each node's own address, and what an operator (or a crash) does to a node.
 */
final class Cluster {

    static final String A = "a";
    static final String B = "b";

    private Cluster() {
    }

    /** A node's own HTTP address, past the balancer. */
    static String node(String node) {
        return "http://localhost:" + (8080 + offset(node)) + "/";
    }

    /** A node's management port (health, CLI). */
    static int managementPort(String node) {
        return 9990 + offset(node);
    }

    /** The node's name as the route of its session cookies ("node-a"). */
    static String name(String node) {
        return "node-" + node;
    }

    static String other(String node) {
        return A.equals(node) ? B : A;
    }

    /** Which node a session id's route names ({@code <id>.node-a}), a or b. */
    static String routeOf(String sessionId) {
        String route = sessionId.substring(sessionId.lastIndexOf('.') + 1);
        if (!route.startsWith("node-")) {
            throw new AssertionError("No node's route in the session id " + sessionId);
        }
        return route.substring("node-".length());
    }

    /** kill -9 of the node's JVM: no goodbye to the balancer nor to the other node. */
    static void kill(String node) {
        control("kill-node", node, 30);
    }

    /** As an operator stops a node for maintenance: suspend (requests under way finish), then shut down. */
    static void stopGracefully(String node) {
        control("stop-node", node, 300);
    }

    /** Starts the node again, with the EAR deployed, and waits until the balancer sends it requests. */
    static void start(String node) {
        control("start-node", node, 540);
        // test-cluster.sh waits until the balancer routes a request bound to the node to it (mod_cluster enables
        // the node's context a moment after the deployment is up); then a little more for its load to be read.
        try {
            Thread.sleep(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int offset(String node) {
        return Integer.parseInt(System.getProperty("it.cluster.node-" + node + ".port-offset"));
    }

    private static void control(String command, String node, int seconds) {
        try {
            Process process = new ProcessBuilder("bash", System.getProperty("it.cluster.control"), command,
                    System.getProperty("it.cluster.dir"), node)
                    .inheritIO()
                    .start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " " + node + " took more than " + seconds + " s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(command + " " + node + " failed with exit code " + process.exitValue());
            }
        } catch (IOException e) {
            throw new AssertionError("Could not run test-cluster.sh " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted during " + command + " " + node, e);
        }
    }
}
