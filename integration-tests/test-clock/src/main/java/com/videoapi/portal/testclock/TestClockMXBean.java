package com.videoapi.portal.testclock;

/** How the integration tests move the portal's clock: {@link TestClock}'s offset, an ISO-8601 duration. */
public interface TestClockMXBean {

    String OBJECT_NAME = "com.videoapi.portal.test:type=TestClock";

    String getOffset();

    void setOffset(String isoDuration);
}
