package mx.supplierportal.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's own clock bean, which a test can stop at an instant ({@link #at}) and must {@link #reset}
 * afterwards. Its zone is always the application clock's zone, so a test that stops it at 23:30 in Mexico City still
 * proves which day the application takes for "today".
 */
public final class TestClock extends Clock {

    /** Replaces the application's {@code clock} bean by a {@link TestClock} around it, in every integration test. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        TestClock testClock(@Qualifier("clock") Clock application) {
            return new TestClock(application);
        }
    }

    private final Clock application;
    private volatile Instant stopped;

    TestClock(Clock application) {
        this.application = application;
    }

    public void at(Instant instant) {
        this.stopped = instant;
    }

    public void reset() {
        this.stopped = null;
    }

    @Override
    public ZoneId getZone() {
        return application.getZone();
    }

    @Override
    public Instant instant() {
        Instant at = stopped;
        return at != null ? at : application.instant();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }
}
