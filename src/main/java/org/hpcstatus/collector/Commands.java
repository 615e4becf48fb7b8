package org.hpcstatus.collector;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the scheduler's and the system's commands, each with a deadline, and remembers how each went (for the run's
 * log line). A command that fails, times out or cannot start gives no output: its fields are then not collected,
 * never guessed.
 */
public class Commands {

    /** What one command did: its output when it succeeded, else why not. */
    public record Result(String command, String output, String failure, long millis) {

        public boolean ok() {
            return failure == null;
        }
    }

    private static final File DEV_NULL = new File("/dev/null");

    private final Duration timeout;
    private final List<Path> searchFirst;
    private final List<Result> results = new ArrayList<>();

    /**
     * @param searchFirst directories to look in for a command before the PATH (cron's PATH rarely holds the
     *                    scheduler's, e.g. /opt/pbs/bin)
     */
    public Commands(Duration timeout, List<Path> searchFirst) {
        this.timeout = timeout;
        this.searchFirst = List.copyOf(searchFirst);
    }

    public Result run(String... command) {
        return run(List.of(command));
    }

    public synchronized Result run(List<String> command) {
        long start = System.nanoTime();
        String shown = String.join(" ", command);
        String output = null;
        String failure;
        Process process = null;
        try {
            process = new ProcessBuilder(resolve(command)).redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                    .start();
            Process running = process;
            CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(running.getInputStream()));
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(running.getErrorStream()));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                failure = "timed out after " + timeout.toSeconds() + " s";
            } else if (process.exitValue() != 0) {
                String err = new String(stderr.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8).strip();
                failure = "exit " + process.exitValue() + (err.isEmpty() ? "" : ": " + err.lines().findFirst().orElse(""));
            } else {
                output = new String(stdout.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
                failure = null;
            }
        } catch (IOException e) {
            failure = "cannot run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        } catch (Exception e) {
            failure = "failed: " + e;
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
        Result result = new Result(shown, output, failure, (System.nanoTime() - start) / 1_000_000);
        results.add(result);
        return result;
    }

    private List<String> resolve(List<String> command) {
        String program = command.get(0);
        if (program.contains("/")) {
            return command;
        }
        for (Path dir : searchFirst) {
            Path candidate = dir.resolve(program);
            if (Files.isExecutable(candidate)) {
                List<String> resolved = new ArrayList<>(command);
                resolved.set(0, candidate.toString());
                return resolved;
            }
        }
        return command;
    }

    /** Every command run so far, in order. */
    public synchronized List<Result> results() {
        return List.copyOf(results);
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
