package com.videoapi.portal.it.support;

import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The test server's platform MBeans, reached as JConsole reaches them: on WildFly over its management
 * connection ({@code service:jmx:remote+http://localhost:<management port>}, the client from the
 * server's bin/client, signed in as the local user), on Payara over its JMX connector (RMI, the admin
 * user). The run's pom.xml gives the address ({@code it.jmx-url}) and, for Payara, the user.
 */
public final class ServerJmx {

    private static JMXConnector connector;

    private ServerJmx() {
    }

    /** A proxy of the MXBean registered under {@code objectName}. */
    public static <T> T mxBean(String objectName, Class<T> type) {
        try {
            return JMX.newMXBeanProxy(connection(), new ObjectName(objectName), type);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(objectName, e);
        }
    }

    /**
     * The management user the server authenticates this connection as: on WildFly the local user of
     * the server's machine ({@code $local}), on Payara the run's JMX user.
     */
    public static String managementUser() {
        String user = System.getProperty("it.jmx-user", "");
        return user.isEmpty() ? "$local" : user;
    }

    /** One connection for the whole test run, closed with the test JVM. */
    private static synchronized MBeanServerConnection connection() {
        try {
            if (connector == null) {
                Map<String, Object> environment = new HashMap<>();
                String user = System.getProperty("it.jmx-user", "");
                if (!user.isEmpty()) {
                    environment.put(JMXConnector.CREDENTIALS, new String[] {user, System.getProperty("it.jmx-password", "")});
                }
                connector = JMXConnectorFactory.connect(new JMXServiceURL(url()), environment);
                JMXConnector opened = connector;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        opened.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
            }
            return connector.getMBeanServerConnection();
        } catch (IOException e) {
            throw new UncheckedIOException("No JMX connection to the test server at " + url(), e);
        }
    }

    private static String url() {
        return System.getProperty("it.jmx-url", "service:jmx:remote+http://localhost:" + Operator.managementPort());
    }
}
