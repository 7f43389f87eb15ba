package de.meldedesk.cli;

import de.meldedesk.domain.Company;
import de.meldedesk.persistence.SavedProfile;
import de.meldedesk.persistence.Settings;
import de.meldedesk.persistence.Store;
import de.meldedesk.persistence.StoreOpenException;
import de.meldedesk.remote.ConnectionProfile;
import de.meldedesk.remote.InvalidProfileException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The set-up commands: {@code company add|list} and
 * {@code connection set|use|list}. They write the same store and settings
 * that the desktop app reads.
 */
final class SetupCommands {

    private static final Logger LOG = LoggerFactory.getLogger(SetupCommands.class);

    private SetupCommands() {
    }

    static int company(CliSession session, List<String> args) throws UsageException, CliFailure, StoreOpenException {
        String action = args.isEmpty() ? "" : args.get(0);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        switch (action) {
            case "add":
                return addCompany(session, rest);
            case "list":
                return listCompanies(session, rest);
            default:
                throw new UsageException(session.text("cli.company.usage"));
        }
    }

    static int connection(CliSession session, List<String> args)
            throws UsageException, CliFailure, StoreOpenException {
        String action = args.isEmpty() ? "" : args.get(0);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        switch (action) {
            case "set":
                return setConnection(session, rest);
            case "use":
                return useConnection(session, rest);
            case "list":
                return listConnections(session, rest);
            default:
                throw new UsageException(session.text("cli.connection.usage"));
        }
    }

    private static int addCompany(CliSession session, List<String> args)
            throws UsageException, CliFailure, StoreOpenException {
        Arguments arguments = Arguments.parse(args, Set.of("--careflex-id", "--name", "--managed-by"),
                Set.of("--managing"), session.locale());
        noPositional(session, arguments);
        String careflexId = arguments.required("--careflex-id").trim();
        String name = arguments.required("--name").trim();
        boolean managing = arguments.flag("--managing");
        String managedBy = arguments.option("--managed-by");
        if (managing && managedBy != null) {
            throw new UsageException(session.text("cli.company.managingAndManaged"));
        }
        Store store = session.store();
        Long managingId = null;
        if (managedBy != null) {
            Company manager = session.company(managedBy);
            if (!manager.managing()) {
                throw new CliFailure(session.text("cli.company.notManaging", manager.careflexId()));
            }
            managingId = manager.id();
        }
        if (store.companies().findByCareflexId(careflexId).isPresent()) {
            throw new CliFailure(session.text("cli.company.exists", careflexId));
        }
        Company company = store.companies().create(careflexId, name, managing, managingId);
        LOG.info("Company {} added from the command line", company.careflexId());
        session.print("cli.company.added", company.name(), company.careflexId());
        return Cli.EXIT_OK;
    }

    private static int listCompanies(CliSession session, List<String> args)
            throws UsageException, StoreOpenException {
        Arguments arguments = Arguments.parse(args, Set.of(), Set.of(), session.locale());
        noPositional(session, arguments);
        List<Company> companies = session.store().companies().list(false);
        if (companies.isEmpty()) {
            session.print("cli.company.none");
        }
        for (Company company : companies) {
            session.out().println(company.careflexId() + " | " + company.name()
                    + (company.managing() ? " | " + session.text("cli.company.managingMark") : ""));
        }
        return Cli.EXIT_OK;
    }

    private static int setConnection(CliSession session, List<String> args)
            throws UsageException, CliFailure, StoreOpenException {
        Arguments arguments = Arguments.parse(args, Set.of("--token-url", "--incident-url", "--none-url"), Set.of(),
                session.locale());
        if (arguments.positional().size() != 1) {
            throw new UsageException(session.text("cli.connection.usage"));
        }
        String name = arguments.positional().get(0).trim();
        if (name.isEmpty() || name.equalsIgnoreCase(SavedProfile.SANDBOX)) {
            throw new CliFailure(session.text("cli.connection.builtIn", SavedProfile.SANDBOX));
        }
        String tokenUrl = arguments.required("--token-url").trim();
        String incidentUrl = arguments.required("--incident-url").trim();
        String noneUrl = arguments.required("--none-url").trim();
        try {
            ConnectionProfile.of(name, uri(session, tokenUrl), uri(session, incidentUrl), uri(session, noneUrl));
        } catch (InvalidProfileException e) {
            throw new CliFailure(e.describe(session.locale()), e);
        }
        Store store = session.store();
        Optional<SavedProfile> existing = store.profiles().find(name);
        SavedProfile saved = store.profiles().save(new SavedProfile(name, tokenUrl, incidentUrl, noneUrl,
                existing.map(SavedProfile::proxy).orElse(null),
                existing.map(SavedProfile::extraCaFiles).orElse(List.of()), false));
        LOG.info("Connection profile {} saved from the command line", saved.name());
        session.print("cli.connection.saved", saved.name());
        return Cli.EXIT_OK;
    }

    private static URI uri(CliSession session, String text) throws CliFailure {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new CliFailure(session.text("cli.connection.badUrl", text), e);
        }
    }

    private static int useConnection(CliSession session, List<String> args)
            throws UsageException, CliFailure, StoreOpenException {
        Arguments arguments = Arguments.parse(args, Set.of(), Set.of(), session.locale());
        if (arguments.positional().size() != 1) {
            throw new UsageException(session.text("cli.connection.usage"));
        }
        String wanted = arguments.positional().get(0).trim();
        List<SavedProfile> profiles = session.store().profiles().list();
        SavedProfile chosen = profiles.stream()
                .filter(p -> p.name().equals(wanted))
                .findFirst()
                .or(() -> profiles.stream().filter(p -> p.name().equalsIgnoreCase(wanted)).findFirst())
                .orElseThrow(() -> new CliFailure(session.text("cli.connection.unknown", wanted,
                        String.join(", ", profiles.stream().map(SavedProfile::name).toList()))));
        Settings settings = session.settings().load();
        try {
            session.settings().save(settings.withLastProfile(chosen.name()));
        } catch (IOException e) {
            LOG.info("Settings could not be saved", e);
            throw new CliFailure(session.text("cli.settings.notSaved", String.valueOf(e.getMessage())), e);
        }
        LOG.info("Connection profile {} chosen from the command line", chosen.name());
        session.print("cli.connection.chosen", chosen.name());
        return Cli.EXIT_OK;
    }

    private static int listConnections(CliSession session, List<String> args)
            throws UsageException, StoreOpenException {
        Arguments arguments = Arguments.parse(args, Set.of(), Set.of(), session.locale());
        noPositional(session, arguments);
        String active = session.settings().load().lastProfile();
        String activeName = active == null ? SavedProfile.SANDBOX : active;
        for (SavedProfile profile : session.store().profiles().list()) {
            String marker = profile.name().toLowerCase(Locale.ROOT).equals(activeName.toLowerCase(Locale.ROOT))
                    ? "* " : "  ";
            String urls = profile.builtIn() ? session.text("cli.connection.builtInMark")
                    : profile.tokenUrl() + " | " + profile.incidentNewUrl() + " | " + profile.incidentNoneUrl();
            session.out().println(marker + profile.name() + " | " + urls);
        }
        return Cli.EXIT_OK;
    }

    private static void noPositional(CliSession session, Arguments arguments) throws UsageException {
        if (!arguments.positional().isEmpty()) {
            throw new UsageException(session.text("cli.unexpectedArgument", arguments.positional().get(0)));
        }
    }
}
