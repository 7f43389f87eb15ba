package de.meldedesk.cli;

import de.meldedesk.i18n.Messages;
import de.meldedesk.persistence.AlreadyRunningException;
import de.meldedesk.persistence.StoreOpenException;
import de.meldedesk.persistence.StorePaths;
import de.meldedesk.sandbox.SandboxMain;
import de.meldedesk.service.CredentialVault;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line: {@code validate}, {@code import}, {@code submit},
 * {@code empty-report}, {@code history}, {@code company}, {@code connection},
 * {@code sandbox} and {@code help}. Every expected failure ends in one line on
 * standard error and an exit code; details go to the log.
 */
public final class Cli {

    /** Everything was valid, stored or accepted. */
    public static final int EXIT_OK = 0;
    /** Some rows are invalid, or a request was rejected or has an unknown outcome; the output has the details. */
    public static final int EXIT_PROBLEMS = 1;
    /** A usage error, an unreadable file, an unknown company or no connection. */
    public static final int EXIT_FAILED = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private Cli() {
    }

    /**
     * Runs one command and returns the process exit code.
     *
     * @param commandArgs the command word and its arguments, without the global options
     * @param paths       the data folder and its store folders
     * @param locale      the language of all messages
     * @param env         the environment, which supplies the credentials
     */
    public static int run(List<String> commandArgs, StorePaths paths, Locale locale, PrintStream out,
                          PrintStream err, Map<String, String> env) {
        return run(commandArgs, paths, locale, out, err, env, CredentialVault::open);
    }

    /** Like {@link #run(List, StorePaths, Locale, PrintStream, PrintStream, Map)}, with the key store to use. */
    static int run(List<String> commandArgs, StorePaths paths, Locale locale, PrintStream out, PrintStream err,
                   Map<String, String> env, Supplier<CredentialVault> vaultFactory) {
        Locale language = Messages.supported(locale);
        String command = commandArgs.isEmpty() ? "help" : commandArgs.get(0);
        List<String> rest = commandArgs.isEmpty() ? List.of() : commandArgs.subList(1, commandArgs.size());
        if (command.equals("sandbox")) {
            return SandboxMain.run(rest.toArray(new String[0]), out, err, language);
        }
        try (CliSession session = new CliSession(paths, language, out, err, env, vaultFactory,
                Clock.systemDefaultZone())) {
            return dispatch(session, command, rest);
        } catch (UsageException | CliFailure e) {
            LOG.info("Command {} ended: {}", command, e.getMessage());
            err.println("meldedesk: " + e.getMessage());
            return EXIT_FAILED;
        } catch (AlreadyRunningException e) {
            LOG.info("Command {} found the data folder {} in use", command, paths.dataDir());
            err.println("meldedesk: " + Messages.format(language, "cli.store.inUse", paths.dataDir()));
            return EXIT_FAILED;
        } catch (StoreOpenException e) {
            LOG.info("Command {} could not open the store", command, e);
            err.println("meldedesk: " + e.userMessage(language));
            return EXIT_FAILED;
        } catch (RuntimeException e) {
            LOG.error("Command {} failed", command, e);
            err.println("meldedesk: " + Messages.format(language, "cli.failed", e.getClass().getSimpleName(),
                    paths.dataDir().resolve("logs")));
            return EXIT_FAILED;
        }
    }

    private static int dispatch(CliSession session, String command, List<String> args)
            throws UsageException, CliFailure, StoreOpenException {
        switch (command) {
            case "help":
            case "--help":
            case "-h":
                session.print("cli.usage");
                return EXIT_OK;
            case "validate":
                return FileCommands.validate(session, args);
            case "import":
                return FileCommands.importFiles(session, args);
            case "company":
                return SetupCommands.company(session, args);
            case "connection":
                return SetupCommands.connection(session, args);
            case "submit":
                return SubmitCommand.run(session, args);
            case "empty-report":
                return EmptyReportCommand.run(session, args);
            case "history":
                return HistoryCommand.run(session, args);
            default:
                throw new UsageException(session.text("cli.unknownCommand", command));
        }
    }
}
