package org.biodid.perf.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * The service's JDK Flight Recorder recording of a profiled run ({@code -Dbiodid.profile=true}): kept next to
 * Gatling's report, with {@code jfr view hot-methods} printed and saved beside it.
 */
final class FlightRecording {

    private FlightRecording() {
    }

    /**
     * Move the recording next to the report.
     *
     * @param recording the service's recording (null: none)
     * @param runDir Gatling's report folder (null: leave it where it is)
     * @return where it is now, or null
     */
    static Path keep(Path recording, Path runDir) {
        if (recording == null || !Files.exists(recording)) {
            return null;
        }
        try {
            Path target = (runDir != null ? runDir : recording.getParent()).resolve("service.jfr");
            Files.move(recording, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            System.out.println("WARNING: cannot move the recording: " + e);
            return recording;
        }
    }

    /**
     * Print the hot methods and save them as {@code hot-methods.txt}.
     *
     * @param jfr recording
     */
    static void printHotMethods(Path jfr) {
        Path tool = Path.of(System.getProperty("java.home"), "bin", "jfr");
        try {
            Process process = new ProcessBuilder(tool.toString(), "view", "hot-methods", jfr.toString())
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            process.waitFor(60, TimeUnit.SECONDS);
            Files.writeString(jfr.resolveSibling("hot-methods.txt"), out);
            System.out.println("Service hot methods (jfr view hot-methods " + jfr + "):");
            System.out.println(out);
        } catch (IOException e) {
            System.out.println("WARNING: cannot run " + tool + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
