package org.biodid.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How to start the service.
 *
 * @param name    what to call its log file
 * @param jar     the packaged service jar, or {@code null} to run {@code org.biodid.Main} from the classpath
 * @param jvmArgs JVM options before the class path or jar
 * @param env     environment on top of the defaults (free port, loopback, {@link ServiceProcess#ADMIN_KEY})
 * @param files   file name to content, written into the process's working directory
 * @param logDir  where the output file goes
 */
public record Launch(String name, Path jar, List<String> jvmArgs, Map<String, String> env,
                     Map<String, String> files, Path logDir) {

    /**
     * The service from the caller's classpath with a small heap and the serial collector.
     *
     * @param name what to call its log file
     * @param env  environment on top of the defaults
     * @return the launch
     */
    public static Launch fromClasspath(String name, Map<String, String> env) {
        return new Launch(name, null, List.of("-Xmx256m", "-XX:+UseSerialGC"), Map.copyOf(env), Map.of(),
                          Path.of("target", "reliability-logs"));
    }

    /**
     * The packaged service jar ({@code service/target/biodid-service.jar}, next to its {@code libs/}).
     *
     * @param name    what to call its log file
     * @param jar     the jar
     * @param jvmArgs JVM options (heap, GC, {@code -XX:StartFlightRecording=...})
     * @param env     environment on top of the defaults
     * @return the launch
     */
    public static Launch fromJar(String name, Path jar, List<String> jvmArgs, Map<String, String> env) {
        return new Launch(name, jar, List.copyOf(jvmArgs), Map.copyOf(env), Map.of(),
                          Path.of("target", "service-logs"));
    }

    /**
     * @param contents file name to content for the working directory
     * @return this launch with those files
     */
    public Launch withFiles(Map<String, String> contents) {
        return new Launch(name, jar, jvmArgs, env, Map.copyOf(contents), logDir);
    }

    /**
     * @param directory where the output file goes
     * @return this launch logging there
     */
    public Launch withLogDir(Path directory) {
        return new Launch(name, jar, jvmArgs, env, files, directory);
    }

    /**
     * The command line: this JVM's {@code java}, the JVM options, then the jar or the class path and main class.
     *
     * @return command
     */
    List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        if (jar == null) {
            command.addAll(List.of("-cp", classpath(), "org.biodid.Main"));
        } else {
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        }
        return command;
    }

    /**
     * The service's runtime classpath: Maven's test classpath without the test classes.
     *
     * @return classpath
     */
    static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        List<String> entries = Arrays.stream(cp.split(File.pathSeparator))
                .filter(e -> !e.isBlank())
                .filter(e -> !Path.of(e).endsWith("test-classes"))
                .collect(Collectors.toList());
        boolean hasMain = entries.stream().anyMatch(e -> Files.exists(Path.of(e, "org", "biodid", "Main.class"))
                || (e.endsWith("biodid-service.jar") && Files.exists(Path.of(e))));
        if (!hasMain) {
            throw new IllegalStateException("org.biodid.Main is not on the test classpath (" + cp + "); run the tests "
                    + "through Maven (mvn -pl service test), which compiles target/classes first");
        }
        return String.join(File.pathSeparator, entries);
    }
}
