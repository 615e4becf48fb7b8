package org.hpcstatus.collector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PBS's commands where no PBS server can run: scripts named pbsnodes, qstat and pbs_rstat that print PBS Pro 2022's
 * output for a small Derecho (src/test/resources/pbs), with "@MIN-40@" in it written as the local time 40 minutes ago
 * in PBS's own format, so that "started in the last hour" means the same whenever the test runs.
 */
final class FakePbs {

    private static final Pattern MINUTES = Pattern.compile("@MIN([+-]\\d+)@");
    private static final DateTimeFormatter PBS_TIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
            Locale.ENGLISH);

    private FakePbs() {
    }

    /** Writes the three commands into {@code dir}; {@code pbsnodesFails}: pbsnodes exits 1, as with its server down. */
    static Path install(Path dir, boolean pbsnodesFails) {
        try {
            Files.createDirectories(dir);
            LocalDateTime now = LocalDateTime.now();
            for (String fixture : new String[] {"pbsnodes.json", "qstat-jobs.json", "qstat-queues.json", "pbs_rstat.txt"}) {
                Files.writeString(dir.resolve(fixture), render(read(fixture), now), StandardCharsets.UTF_8);
            }
            script(dir, "pbsnodes", pbsnodesFails
                    ? "echo 'pbsnodes: Server has no node list' >&2; exit 1"
                    : "cat '" + dir.resolve("pbsnodes.json") + "'");
            script(dir, "qstat", "case \" $* \" in *' -Q '*) cat '" + dir.resolve("qstat-queues.json") + "' ;; *) cat '"
                    + dir.resolve("qstat-jobs.json") + "' ;; esac");
            script(dir, "pbs_rstat", "cat '" + dir.resolve("pbs_rstat.txt") + "'");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render(String text, LocalDateTime now) {
        Matcher m = MINUTES.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(PBS_TIME.format(now.plusMinutes(Long.parseLong(m.group(1))))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String read(String fixture) throws IOException {
        try (var in = FakePbs.class.getResourceAsStream("/pbs/" + fixture)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void script(Path dir, String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
