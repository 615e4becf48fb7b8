package org.hpcstatus.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what one class of the service logs while a test runs (WARN and above, as the test profile logs). */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        logger.addHandler(this);
    }

    public static LogCapture of(Class<?> source) {
        return new LogCapture(Logger.getLogger(source.getName()));
    }

    /** The formatted messages logged so far that contain {@code text}. */
    public List<String> messagesContaining(String text) {
        return records.stream().map(r -> r.getParameters() == null || r.getParameters().length == 0 ? r.getMessage()
                : String.format(r.getMessage(), r.getParameters())).filter(m -> m.contains(text)).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
