package org.hpcstatus.collector.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Posts that could not be delivered, kept as files in a local directory and posted again at the next run, oldest
 * first (the service stores a back-fill by its own timestamp and answers a repeat as a duplicate, so a retry is
 * safe). Bounded: at most {@code maxFiles} files and none older than {@code maxAge}; what it drops, it says.
 * <p>
 * A file is {@code <epoch millis>-<sequence>.post}: its first line the path it goes to, the rest the JSON body.
 */
public class Spool {

    /** A spooled post. */
    public record Entry(Path file, Instant spooledAt, String path, String json) {
    }

    private final Path directory;
    private final int maxFiles;
    private final Duration maxAge;
    private final Clock clock;
    private final List<String> dropped = new ArrayList<>();

    public Spool(Path directory, int maxFiles, Duration maxAge, Clock clock) {
        this.directory = directory;
        this.maxFiles = maxFiles;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Keeps a post for a later run; drops the oldest beyond {@code maxFiles}. */
    public void add(String path, String json) {
        try {
            Files.createDirectories(directory);
            long now = clock.millis();
            Path file;
            int sequence = 0;
            do {
                file = directory.resolve(String.format("%013d-%03d.post", now, sequence++));
            } while (Files.exists(file));
            Path partial = directory.resolve(file.getFileName() + ".tmp");
            Files.writeString(partial, path + "\n" + json, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            List<Entry> all = entries();
            for (int i = 0; i < all.size() - maxFiles; i++) {
                drop(all.get(i), "the spool holds at most " + maxFiles + " posts");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to spool " + directory, e);
        }
    }

    /** The kept posts, oldest first; those older than {@code maxAge} are dropped (and said) instead. */
    public List<Entry> due() {
        List<Entry> due = new ArrayList<>();
        Instant oldest = clock.instant().minus(maxAge);
        for (Entry entry : entries()) {
            if (entry.spooledAt().isBefore(oldest)) {
                drop(entry, "older than " + maxAge.toHours() + " h");
            } else {
                due.add(entry);
            }
        }
        return due;
    }

    /** Removes a delivered (or refused) post. */
    public void remove(Entry entry) {
        try {
            Files.deleteIfExists(entry.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What was dropped in this run, and why, for the log. */
    public List<String> dropped() {
        return List.copyOf(dropped);
    }

    private void drop(Entry entry, String why) {
        remove(entry);
        dropped.add(entry.file().getFileName() + " (" + entry.path() + "): " + why);
    }

    private List<Entry> entries() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Entry> entries = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".post")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int newline = text.indexOf('\n');
                if (newline < 0) {
                    continue;
                }
                long millis = Long.parseLong(file.getFileName().toString().substring(0, 13));
                entries.add(new Entry(file, Instant.ofEpochMilli(millis), text.substring(0, newline),
                        text.substring(newline + 1)));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spool " + directory, e);
        }
    }
}
