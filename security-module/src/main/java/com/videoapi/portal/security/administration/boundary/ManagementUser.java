package com.videoapi.portal.security.administration.boundary;

import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;
import java.security.AccessController;
import java.security.Principal;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The management user the server authenticated for the JMX call under way: the operator that the
 * console's operations write into the audit trail, taken from the server, never typed by the caller.
 *
 * <ul>
 *   <li>A JMX connector that authenticates its clients runs each call as their {@link Subject}
 *       (the JDK's RMI connector, which Payara's JMX connector is: its admin user).</li>
 *   <li>WildFly's management connection ({@code remote+http}, as JConsole uses it) runs each call
 *       inside its {@code AccessAuditContext} with the Elytron identity of the management
 *       connection (wildfly-core {@code org.jboss.as.jmx.ServerInterceptorFactory}); the local
 *       user of the server's machine is {@code $local}. Read by reflection, so that the EJB jar
 *       needs no WildFly API to compile and runs on Payara too (its manifest makes the module
 *       {@code org.jboss.as.controller} visible on WildFly).</li>
 * </ul>
 */
public final class ManagementUser {

    private static final Logger LOG = Logger.getLogger("com.videoapi.portal.security");
    private static final String WILDFLY_ACCESS_CONTEXT = "org.jboss.as.controller.AccessAuditContext";

    private ManagementUser() {
    }

    /** The authenticated management user of this call, or empty when the server says of none. */
    public static Optional<String> current() {
        return fromJmxSubject().or(ManagementUser::fromWildFlyManagement);
    }

    @SuppressWarnings("removal") // Subject.current() needs Java 18; the portal runs on 17
    private static Optional<String> fromJmxSubject() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null) {
            return Optional.empty();
        }
        return subject.getPrincipals(JMXPrincipal.class).stream().map(Principal::getName).filter(ManagementUser::named)
                .findFirst()
                .or(() -> subject.getPrincipals().stream()
                        // Payara adds the user's groups as principals too; the user is the one that is no group.
                        .filter(principal -> !principal.getClass().getSimpleName().contains("Group"))
                        .map(Principal::getName).filter(ManagementUser::named).findFirst());
    }

    private static Optional<String> fromWildFlyManagement() {
        try {
            Class<?> contexts = Class.forName(WILDFLY_ACCESS_CONTEXT);
            Object context = contexts.getMethod("currentAccessAuditContext").invoke(null);
            Object identity = context == null ? null : contexts.getMethod("getSecurityIdentity").invoke(context);
            Object principal = identity == null ? null : identity.getClass().getMethod("getPrincipal").invoke(identity);
            return principal instanceof Principal named ? Optional.ofNullable(named.getName()).filter(ManagementUser::named)
                    : Optional.empty();
        } catch (ClassNotFoundException notWildFly) {
            return Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            LOG.fine(() -> "No management identity from WildFly's access context: " + unreadable);
            return Optional.empty();
        }
    }

    private static boolean named(String name) {
        return name != null && !name.isBlank() && !"anonymous".equals(name);
    }
}
