package com.videoapi.portal.security.administration.boundary;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The portal's entries in the operators' console: MBeans in the platform MBean server, which JConsole
 * reaches through the server's management connection. Registered at start and removed at undeploy by
 * the beans that offer them.
 */
public final class ConsoleEntries {

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");

    private ConsoleEntries() {
    }

    /**
     * Registers {@code mbean} under {@code objectName}, replacing one left by an earlier deployment that
     * did not stop cleanly; a failure leaves the portal running without that entry (logged as {@code what}).
     */
    public static Optional<ObjectName> register(Object mbean, String objectName, String what) {
        try {
            ObjectName name = new ObjectName(objectName);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(mbean, name);
            return Optional.of(name);
        } catch (JMException e) {
            LOG.warning(() -> what + " not available over JMX: " + e);
            return Optional.empty();
        }
    }

    /** Removes the entry, if it was registered and is still there. */
    public static void unregister(Optional<ObjectName> name, String what) {
        name.ifPresent(registered -> {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(registered);
            } catch (JMException | RuntimeException e) {
                LOG.fine(() -> what + " already gone from JMX: " + e);
            }
        });
    }
}
