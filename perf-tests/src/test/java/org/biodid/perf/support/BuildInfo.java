package org.biodid.perf.support;

import org.biodid.perf.model.PerfConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The commit and branch being measured: CI's variables when present ({@code GITHUB_SHA},
 * {@code GITHUB_HEAD_REF}/{@code GITHUB_REF_NAME}), else git in the project directory.
 *
 * @param commit commit id, or {@code unknown}
 * @param branch branch name, or {@code unknown}
 * @param dirty uncommitted changes
 */
public record BuildInfo(String commit, String branch, boolean dirty) {

    /**
     * Detect.
     *
     * @param projectDir repository work tree
     * @return build info
     */
    public static BuildInfo detect(Path projectDir) {
        String commit = PerfConfig.get("GITHUB_SHA").orElseGet(() -> git(projectDir, "rev-parse", "HEAD"));
        String branch = PerfConfig.get("GITHUB_HEAD_REF")
                .or(() -> PerfConfig.get("GITHUB_REF_NAME"))
                .orElseGet(() -> git(projectDir, "rev-parse", "--abbrev-ref", "HEAD"));
        boolean dirty = !git(projectDir, "status", "--porcelain", "--untracked-files=no").isEmpty();
        return new BuildInfo(commit.isEmpty() ? "unknown" : commit, branch.isEmpty() ? "unknown" : branch, dirty);
    }

    private static String git(Path dir, String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return "";
            }
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
