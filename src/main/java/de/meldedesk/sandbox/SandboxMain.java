package de.meldedesk.sandbox;

import de.meldedesk.i18n.Messages;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the sandbox server on its own. When it is ready it prints the token,
 * {@code incident/new} and {@code incident/none} URLs on standard output, one
 * per line, and serves until the process is stopped (Ctrl+C or SIGTERM).
 * Options: {@code --port N --service-user ID --service-secret S --token-ttl SECONDS
 * --latency-ms N --fail-503 RATE --drop-after-processing RATE --journal FILE --seed N}.
 */
public final class SandboxMain {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    private SandboxMain() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, Locale.getDefault());
        if (code != EXIT_OK) {
            System.exit(code);
        }
    }

    /**
     * Parses the options, starts the sandbox and serves until the JVM shuts down.
     * Errors are printed to {@code err} as one line.
     *
     * @return the exit code: 0 after a normal stop, 1 when the server could not start, 2 for invalid options
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Locale locale) {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run(args, out, err, locale, stop);
        } finally {
            stopped.countDown();
        }
    }

    /** Like {@link #run(String[], PrintStream, PrintStream, Locale)}, but serves until {@code stop} opens. */
    public static int run(String[] args, PrintStream out, PrintStream err, Locale locale, CountDownLatch stop) {
        SandboxConfig config;
        try {
            config = parse(args);
        } catch (UsageException e) {
            err.println("meldedesk sandbox: " + Messages.format(locale, e.key, e.args));
            return EXIT_USAGE;
        }
        if (config == null) {
            out.println(Messages.format(locale, "sandbox.cli.usage"));
            return EXIT_OK;
        }
        SandboxServer server = new SandboxServer(config);
        try {
            server.start();
        } catch (IOException e) {
            err.println("meldedesk sandbox: " + Messages.format(locale, "sandbox.cli.startFailed",
                    String.valueOf(config.port()), String.valueOf(e.getMessage())));
            return EXIT_FAILED;
        }
        try {
            out.println(server.tokenUrl());
            out.println(server.incidentNewUrl());
            out.println(server.incidentNoneUrl());
            out.flush();
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.stop();
        }
        return EXIT_OK;
    }

    /**
     * Parses the options into a configuration; returns null when {@code --help} was given.
     *
     * @throws UsageException when an option is unknown, lacks its value or has an invalid value
     */
    static SandboxConfig parse(String[] args) throws UsageException {
        SandboxConfig.Builder builder = SandboxConfig.builder();
        String user = SandboxConfig.DEFAULT_USER;
        String secret = SandboxConfig.DEFAULT_SECRET;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return null;
            }
            if (!option.startsWith("--")) {
                throw new UsageException("sandbox.cli.unknownOption", option);
            }
            if (i + 1 >= args.length) {
                throw new UsageException("sandbox.cli.missingValue", option);
            }
            String value = args[++i];
            switch (option) {
                case "--port":
                    builder.port(number(option, value, 0, 65535));
                    break;
                case "--service-user":
                    user = nonEmpty(option, value);
                    break;
                case "--service-secret":
                    secret = nonEmpty(option, value);
                    break;
                case "--token-ttl":
                    builder.tokenTtl(Duration.ofSeconds(number(option, value, 1, Integer.MAX_VALUE)));
                    break;
                case "--latency-ms":
                    builder.latency(Duration.ofMillis(number(option, value, 0, Integer.MAX_VALUE)));
                    break;
                case "--fail-503":
                    builder.fail503Rate(rate(option, value));
                    break;
                case "--drop-after-processing":
                    builder.dropAfterProcessingRate(rate(option, value));
                    break;
                case "--journal":
                    builder.journalFile(Path.of(nonEmpty(option, value)));
                    break;
                case "--seed":
                    builder.seed(number(option, value, 0, Integer.MAX_VALUE));
                    break;
                default:
                    throw new UsageException("sandbox.cli.unknownOption", option);
            }
        }
        return builder.serviceUser(user, secret).build();
    }

    private static int number(String option, String value, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the usage error below
        }
        throw new UsageException("sandbox.cli.notNumber", option, value, String.valueOf(min), String.valueOf(max));
    }

    private static double rate(String option, String value) throws UsageException {
        try {
            double rate = Double.parseDouble(value);
            if (rate >= 0 && rate <= 1) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // falls through to the usage error below
        }
        throw new UsageException("sandbox.cli.notRate", option, value);
    }

    private static String nonEmpty(String option, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException("sandbox.cli.missingValue", option);
        }
        return value;
    }

    /** An invalid command line, with the bundle key and arguments of the message. */
    static final class UsageException extends Exception {

        private static final long serialVersionUID = 1L;

        private final String key;
        private final transient Object[] args;

        UsageException(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }
    }
}
