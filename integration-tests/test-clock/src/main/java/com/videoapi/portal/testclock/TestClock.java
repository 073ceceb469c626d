package com.videoapi.portal.testclock;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The portal's {@link Clock} in the EAR the integration tests deploy, and only there: the system clock
 * shifted by an offset that tests move through the MBean {@value TestClockMXBean#OBJECT_NAME}, so that
 * a lock, a cooldown or a session expires without waiting.
 *
 * <p>Built by integration-tests/test-clock into {@code lib/test-clock.jar} of the EAR each run deploys,
 * {@code account-portal-under-test.ear} (integration-tests/pom.xml); the operator's {@code account-portal.ear}
 * has no such jar. An alternative with a
 * priority is enabled for the whole EAR without a word in any beans.xml of the product, and wins over
 * the product's own producer of {@code Clock}. Logs a WARNING when it starts, so that a server log
 * shows it if it ever gets where it does not belong.
 */
@Alternative
@Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 1000)
@ApplicationScoped
public class TestClock {

    private static final Logger LOG = Logger.getLogger(TestClock.class.getName());
    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    @Produces
    Clock clock() {
        return new ShiftedClock();
    }

    /** Registers the MBean when the application starts (each module of the EAR says so: once is enough). */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name = new ObjectName(TestClockMXBean.OBJECT_NAME);
            synchronized (TestClock.class) {
                if (!server.isRegistered(name)) {
                    server.registerMBean(new Control(), name);
                    LOG.warning("TEST CLOCK: the portal's clock can be moved through " + name
                            + "; this EAR is for the integration tests only");
                }
            }
        } catch (JMException e) {
            throw new IllegalStateException("Could not register the test clock's MBean", e);
        }
    }

    void unregister(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        try {
            ObjectName name = new ObjectName(TestClockMXBean.OBJECT_NAME);
            synchronized (TestClock.class) {
                if (ManagementFactory.getPlatformMBeanServer().isRegistered(name)) {
                    ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
                }
            }
        } catch (JMException e) {
            LOG.warning("Could not unregister the test clock's MBean: " + e);
        }
    }

    /** System time plus the offset the tests set. */
    static final class ShiftedClock extends Clock {

        @Override
        public Instant instant() {
            return Instant.now().plus(OFFSET.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("The portal keeps time in UTC");
        }
    }

    static final class Control implements TestClockMXBean {

        @Override
        public String getOffset() {
            return OFFSET.get().toString();
        }

        @Override
        public void setOffset(String isoDuration) {
            OFFSET.set(Duration.parse(isoDuration));
        }
    }
}
