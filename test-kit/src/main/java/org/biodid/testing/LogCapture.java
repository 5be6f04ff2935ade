package org.biodid.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what a {@code java.util.logging} logger (and every logger below it) publishes, for tests that look at
 * log output; {@link #close()} detaches it again.
 * <p>
 * Each record becomes one line: its message, then each of its parameters and its exception, if any, separated by
 * spaces, so that nothing a record carries escapes a test that searches the lines. Attach after anything that
 * rereads the logging configuration (starting a server does): that removes every handler.
 */
public final class LogCapture implements AutoCloseable {

    /** Held so that the logger is not collected, and recreated without the handler, while capturing. */
    private final Logger logger;
    private final Level levelBefore;
    private final boolean lowered;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                lines.add(line(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(String loggerName, Level minimum, boolean lowerLogger) {
        this.logger = Logger.getLogger(loggerName);
        this.levelBefore = logger.getLevel();
        this.lowered = lowerLogger && effectiveLevel(logger).intValue() > minimum.intValue();
        if (lowered) {
            logger.setLevel(minimum);
        }
        handler.setLevel(minimum);
        logger.addHandler(handler);
    }

    /**
     * Captures every record the named logger passes on at its present level.
     *
     * @param loggerName logger name ({@code ""} for the root logger)
     * @return the capture, attached
     */
    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName, Level.ALL, false);
    }

    /**
     * Captures every record at {@code minimum} or above, lowering the named logger's level to {@code minimum} while
     * capturing where it is higher ({@code Level.ALL} on the root logger: everything every logger writes).
     *
     * @param loggerName logger name ({@code ""} for the root logger)
     * @param minimum    lowest level captured
     * @return the capture, attached
     */
    public static LogCapture of(String loggerName, Level minimum) {
        return new LogCapture(loggerName, minimum, true);
    }

    /**
     * The lines captured so far, in order; the list grows while attached and may be read from any thread.
     *
     * @return captured lines
     */
    public List<String> lines() {
        return lines;
    }

    /** Detaches the capture and restores the logger's level; the lines stay readable. */
    @Override
    public void close() {
        logger.removeHandler(handler);
        if (lowered) {
            logger.setLevel(levelBefore);
        }
    }

    private static String line(LogRecord record) {
        StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            for (Object p : record.getParameters()) {
                line.append(' ').append(p);
            }
        }
        if (record.getThrown() != null) {
            line.append(' ').append(record.getThrown());
        }
        return line.toString();
    }

    private static Level effectiveLevel(Logger logger) {
        for (Logger l = logger; l != null; l = l.getParent()) {
            if (l.getLevel() != null) {
                return l.getLevel();
            }
        }
        return Level.INFO;
    }
}
