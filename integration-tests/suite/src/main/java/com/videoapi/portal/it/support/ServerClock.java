package com.videoapi.portal.it.support;

import com.videoapi.portal.testclock.TestClockMXBean;

import java.time.Duration;

/**
 * The clock of the portal under test: {@code TestClock}, which only the EAR under test has
 * ({@code lib/test-clock.jar}), moved through its MBean. The same on WildFly and Payara.
 */
public final class ServerClock {

    private ServerClock() {
    }

    /** Sets how far ahead of real time the portal's clock runs. */
    public static void shiftBy(Duration offset) {
        clock().setOffset(offset.toString());
    }

    public static Duration shift() {
        return Duration.parse(clock().getOffset());
    }

    private static TestClockMXBean clock() {
        return ServerJmx.mxBean(TestClockMXBean.OBJECT_NAME, TestClockMXBean.class);
    }
}
