package com.videoapi.portal.it.support;

import java.util.Map;

/**
 * A setting of the portal changed in the running test server, as an operator under attack would:
 * a system property set through WildFly's management API, which MicroProfile Config reads at once
 * (for the settings the portal reads at each use). {@link #close()} puts the test server's value back.
 *
 * <pre>{@code try (ServerSetting perAddress = ServerSetting.set("twofactor.enrolment-sends-per-address-per-hour", "10")) { ... }}</pre>
 */
public final class ServerSetting implements AutoCloseable {

    private final int managementPort;
    private final String name;
    private final String testServersValue;

    private ServerSetting(int managementPort, String name, String testServersValue) {
        this.managementPort = managementPort;
        this.name = name;
        this.testServersValue = testServersValue;
    }

    /**
     * Sets {@code name} to {@code value}.
     *
     * @param testServersValue what the test server had (integration-tests/pom.xml), put back on close
     */
    public static ServerSetting set(String name, String value, String testServersValue) {
        return setOn(Operator.managementPort(), name, value, testServersValue);
    }

    /** The same on the server of that management port (a cluster's node). */
    public static ServerSetting setOn(int managementPort, String name, String value, String testServersValue) {
        write(managementPort, name, value);
        return new ServerSetting(managementPort, name, testServersValue);
    }

    private static void write(int managementPort, String name, String value) {
        try (Operator operator = new Operator(managementPort)) {
            try {
                operator.run("/system-property=" + name, "write-attribute", Map.of("name", "value", "value", value));
            } catch (AssertionError notInTheModelYet) {
                // Given on the command line (-D), the property is not a resource of the model until added.
                operator.run("/system-property=" + name, "add", Map.of("value", value));
            }
        }
    }

    @Override
    public void close() {
        write(managementPort, name, testServersValue);
    }
}
