package org.biodid.perf.model;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void theTargetsFileIsTheTableOfThePerformanceGuide() {
        Targets targets = Targets.load();
        assertEquals(new Targets.OperationTarget("enroll", 100, 150, 300, 500), targets.operation("enroll"));
        assertEquals(new Targets.OperationTarget("verify", 50, 75, 150, 300), targets.operation("verify"));
        assertEquals(new Targets.OperationTarget("health", 10, 20, 50, 100), targets.operation("health"));
        assertEquals(new Targets.OperationTarget("generate", 200, 300, 500, 1000), targets.operation("generate"));
        assertEquals(List.of("enroll", "generate", "health", "verify"), List.copyOf(targets.operations().keySet()));
        assertEquals(0.1, targets.errorRatePercent());
        assertEquals(1000, targets.throughputRps());
        assertEquals(70, targets.cpuPercent());
        assertEquals(2048, targets.rssMb());
        assertEquals(7.5, targets.bar().get("verify.p95"));
        assertEquals(512, targets.bar().get("system.rssMb"));
    }

    @Test
    void aTypoIsAnErrorNotASilentlyMissingAssertion() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("""
                health.p50=10
                health.p95=20
                health.p99=50
                health.max=100
                health.p59=10
                system.errorRatePercent=0.1
                system.throughputRps=1000
                system.cpuPercent=70
                system.rssMb=2048
                """));
        assertTrue(e.getMessage().contains("unknown key health.p59"), e.getMessage());
    }

    @Test
    void incompleteOrUnorderedLimitsAreRejected() {
        String system = "system.errorRatePercent=0.1\nsystem.throughputRps=1000\nsystem.cpuPercent=70\nsystem.rssMb=1\n";
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> parse("verify.p50=1\nverify.p95=2\nverify.p99=3\n" + system));
        assertTrue(missing.getMessage().contains("verify.max is missing"), missing.getMessage());
        IllegalArgumentException unordered = assertThrows(IllegalArgumentException.class,
                () -> parse("verify.p50=10\nverify.p95=5\nverify.p99=30\nverify.max=40\n" + system));
        assertTrue(unordered.getMessage().contains("p50 <= p95"), unordered.getMessage());
        IllegalArgumentException fractional = assertThrows(IllegalArgumentException.class,
                () -> parse("verify.p50=1.5\nverify.p95=5\nverify.p99=30\nverify.max=40\n" + system));
        assertTrue(fractional.getMessage().contains("whole number"), fractional.getMessage());
        IllegalArgumentException noSystem = assertThrows(IllegalArgumentException.class,
                () -> parse("verify.p50=1\nverify.p95=5\nverify.p99=30\nverify.max=40\n"));
        assertTrue(noSystem.getMessage().contains("system.throughputRps is missing"), noSystem.getMessage());
    }

    @Test
    void anOperationWithoutTargetsCannotBeMeasured() {
        assertThrows(IllegalArgumentException.class, () -> Targets.load().operation("resolve"));
    }

    private static Targets parse(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Targets.parse(properties);
    }
}
