package com.videoapi.portal.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A readiness check whose state security-module reports: it hands the check a {@link ChannelStatus}
 * to ask at each probe ({@link #watch}). DOWN until then, and whenever the status names a problem;
 * the data shows what the status is of (under the check's own key), its details and each problem
 * ({@code problem1}, {@code problem2}, ...). The code channel's check and the mail session's were two
 * copies of this; what they report differs, not how.
 */
public abstract class ReportedReadiness implements HealthCheck {

    private final String name;
    private final String kindKey;
    private final String notStartedProblem;
    private volatile Supplier<ChannelStatus> status;

    /**
     * @param name              the check's name in the health answer
     * @param kindKey           the data key of {@link ChannelStatus#channel()}
     * @param notStartedProblem the problem while nothing reported yet
     */
    protected ReportedReadiness(String name, String kindKey, String notStartedProblem) {
        this.name = name;
        this.kindKey = kindKey;
        this.notStartedProblem = notStartedProblem;
    }

    /** Called once, when the reporting side has started. */
    public void watch(Supplier<ChannelStatus> status) {
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name);
        Supplier<ChannelStatus> source = status;
        if (source == null) {
            return response.down().withData("problem1", notStartedProblem).build();
        }
        ChannelStatus now = source.get();
        response.withData(kindKey, now.channel());
        for (Map.Entry<String, String> detail : new TreeMap<>(now.details()).entrySet()) {
            response.withData(detail.getKey(), detail.getValue());
        }
        for (int i = 0; i < now.problems().size(); i++) {
            response.withData("problem" + (i + 1), now.problems().get(i));
        }
        return response.status(now.problems().isEmpty()).build();
    }
}
