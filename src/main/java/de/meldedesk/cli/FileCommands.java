package de.meldedesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.meldedesk.domain.Company;
import de.meldedesk.domain.validation.Problem;
import de.meldedesk.i18n.Messages;
import de.meldedesk.importing.ImportEngine;
import de.meldedesk.importing.ImportField;
import de.meldedesk.importing.ImportOptions;
import de.meldedesk.importing.ImportProfile;
import de.meldedesk.importing.ImportedFile;
import de.meldedesk.importing.ImportedRow;
import de.meldedesk.persistence.StoreOpenException;
import de.meldedesk.service.ImportService;
import de.meldedesk.wire.CareflexJson;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code validate} reads files as the importer does and stores nothing;
 * {@code import} also stores the rows without errors as ready drafts of one
 * company. Both print every row's incident and problems.
 */
final class FileCommands {

    private static final Logger LOG = LoggerFactory.getLogger(FileCommands.class);

    private static final Set<String> VALUE_OPTIONS = Set.of("--company", "--profile", "--type", "--valid-from");
    private static final Set<String> FLAGS = Set.of("--json");

    private FileCommands() {
    }

    static int validate(CliSession session, List<String> args) throws UsageException, CliFailure {
        Arguments arguments = Arguments.parse(args, VALUE_OPTIONS, FLAGS, session.locale());
        List<ImportedFile> files = read(session, arguments, arguments.option("--company"));
        boolean json = arguments.flag("--json");
        ObjectNode document = CliSession.json().createObjectNode();
        ArrayNode fileNodes = document.putArray("files");
        int exit = Cli.EXIT_OK;
        for (ImportedFile file : files) {
            if (json) {
                fileNodes.add(fileNode(file, session.locale()));
            } else {
                printFile(session, file);
            }
            exit = Math.max(exit, exitCodeOf(file));
        }
        if (json) {
            session.printJson(document);
        }
        return exit;
    }

    static int importFiles(CliSession session, List<String> args)
            throws UsageException, CliFailure, StoreOpenException {
        Arguments arguments = Arguments.parse(args, VALUE_OPTIONS, FLAGS, session.locale());
        String careflexId = arguments.required("--company");
        Company company = session.company(careflexId);
        List<ImportedFile> files = read(session, arguments, company.careflexId());
        boolean json = arguments.flag("--json");
        ImportService imports = new ImportService(session.store());

        ObjectNode document = CliSession.json().createObjectNode();
        ArrayNode fileNodes = document.putArray("files");
        int exit = Cli.EXIT_OK;
        for (ImportedFile file : files) {
            ObjectNode node = fileNode(file, session.locale());
            if (!json) {
                printFile(session, file);
            }
            if (file.hasFileErrors()) {
                exit = Cli.EXIT_FAILED;
                node.putNull("stored");
                if (!json) {
                    session.print("cli.import.fileSkipped", file.sourceName());
                }
            } else {
                ImportService.Outcome outcome = imports.store(file, company.careflexId(), false, true);
                node.set("stored", storedNode(outcome, session.locale()));
                if (!json) {
                    printStored(session, file, outcome);
                }
                exit = Math.max(exit, exitCodeOf(outcome));
            }
            fileNodes.add(node);
        }
        if (json) {
            session.printJson(document);
        }
        return exit;
    }

    /** Checks the options and files, then reads every file. */
    private static List<ImportedFile> read(CliSession session, Arguments arguments, String careflexId)
            throws UsageException, CliFailure {
        if (arguments.positional().isEmpty()) {
            throw new UsageException(session.text("cli.file.none"));
        }
        List<Path> paths = new ArrayList<>();
        for (String name : arguments.positional()) {
            Path path = Path.of(name);
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new CliFailure(session.text("cli.file.notFound", name));
            }
            paths.add(path);
        }
        ImportOptions options = options(session, arguments, careflexId);
        ImportEngine engine = new ImportEngine(session.importProfiles());
        List<ImportedFile> files = new ArrayList<>();
        for (Path path : paths) {
            files.add(engine.read(path, options));
        }
        return files;
    }

    private static ImportOptions options(CliSession session, Arguments arguments, String careflexId)
            throws UsageException, CliFailure {
        ImportOptions options = ImportOptions.defaults()
                .withToday(LocalDate.now(session.clock()))
                .withCatalogue(session.catalogue());
        if (careflexId != null && !careflexId.isBlank()) {
            options = options.withCareflexId(careflexId.trim());
        }
        String type = arguments.option("--type");
        if (type != null) {
            String code = session.catalogue().find(type)
                    .orElseThrow(() -> new UsageException(session.text("cli.option.unknownType", type)))
                    .code();
            options = options.withType(code);
        }
        String validFrom = arguments.option("--valid-from");
        if (validFrom != null) {
            options = options.withValidFrom(date(session, "--valid-from", validFrom));
        }
        String profileName = arguments.option("--profile");
        if (profileName != null) {
            options = withProfile(options, profile(session, profileName));
        }
        return options;
    }

    /** Parses an ISO date option such as {@code 2026-05-01}. */
    static LocalDate date(CliSession session, String option, String value) throws UsageException {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new UsageException(session.text("cli.option.notADate", option, value));
        }
    }

    private static ImportProfile profile(CliSession session, String name) throws CliFailure {
        List<ImportProfile> saved;
        try {
            saved = session.importProfiles().list();
        } catch (IOException e) {
            LOG.info("Import profiles could not be read", e);
            throw new CliFailure(session.text("cli.profile.unreadable", String.valueOf(e.getMessage())), e);
        }
        Optional<ImportProfile> found = saved.stream()
                .filter(p -> p.name().trim().equalsIgnoreCase(name.trim()))
                .findFirst();
        if (found.isEmpty()) {
            List<String> names = saved.stream().map(ImportProfile::name).sorted().toList();
            throw new CliFailure(names.isEmpty() ? session.text("cli.profile.noneSaved", name)
                    : session.text("cli.profile.notFound", name, String.join(", ", names)));
        }
        return found.get();
    }

    /** Applies a saved profile's mapping and settings; a mapping given this way replaces the header lookup. */
    private static ImportOptions withProfile(ImportOptions options, ImportProfile profile) {
        Map<String, ImportField> mapping = new LinkedHashMap<>();
        profile.mapping().forEach((header, path) -> mapping.put(header,
                path == null || path.isEmpty() ? null : ImportField.forPath(path).orElse(null)));
        ImportOptions result = options.withMapping(mapping);
        if (profile.encoding() != null && Charset.isSupported(profile.encoding())) {
            result = result.withEncoding(Charset.forName(profile.encoding()));
        }
        if (profile.delimiter() != null) {
            result = result.withDelimiter(profile.delimiter());
        }
        if (profile.headerRow() != null) {
            result = result.withHeaderRow(profile.headerRow());
        }
        if (profile.dateFormat() != null) {
            result = result.withDateFormat(profile.dateFormat());
        }
        return result;
    }

    private static int exitCodeOf(ImportedFile file) {
        if (file.hasFileErrors()) {
            return Cli.EXIT_FAILED;
        }
        return file.rowsWithErrors().isEmpty() ? Cli.EXIT_OK : Cli.EXIT_PROBLEMS;
    }

    /** Rows left out as duplicates were stored before, so only other reasons count as problems. */
    private static int exitCodeOf(ImportService.Outcome outcome) {
        boolean problems = outcome.leftOut().stream()
                .anyMatch(left -> !left.reasonKey().equals("import.store.duplicate"));
        return problems ? Cli.EXIT_PROBLEMS : Cli.EXIT_OK;
    }

    // ---- JSON ----

    static ObjectNode fileNode(ImportedFile file, Locale locale) {
        ObjectNode node = CliSession.json().createObjectNode();
        node.put("file", file.sourceName());
        node.put("format", file.format() == null ? null : file.format().name());
        node.put("encoding", file.encoding());
        node.put("delimiter", file.delimiter() == null ? null : String.valueOf(file.delimiter()));
        node.put("sheet", file.sheetName());
        node.put("profile", file.profileName());
        node.set("problems", problemsNode(file.problems(), locale));
        ArrayNode rows = node.putArray("rows");
        for (ImportedRow row : file.rows()) {
            ObjectNode rowNode = rows.addObject();
            rowNode.put("row", row.rowNumber());
            rowNode.put("careflexId", row.careflexId());
            rowNode.set("incident", CareflexJson.incidentNode(row.incident()));
            rowNode.set("problems", problemsNode(row.problems(), locale));
        }
        return node;
    }

    private static ArrayNode problemsNode(List<Problem> problems, Locale locale) {
        ArrayNode list = CliSession.json().createArrayNode();
        for (Problem problem : problems) {
            ObjectNode node = list.addObject();
            node.put("field", problem.field());
            node.put("severity", problem.severity().name().toLowerCase(Locale.ROOT));
            node.put("message", problem.message(locale));
        }
        return list;
    }

    private static ObjectNode storedNode(ImportService.Outcome outcome, Locale locale) {
        ObjectNode node = CliSession.json().createObjectNode();
        ArrayNode ids = node.putArray("draftIds");
        outcome.draftIds().forEach(ids::add);
        node.put("drafts", outcome.draftIds().size());
        node.put("ready", outcome.ready());
        node.put("employeesCreated", outcome.employeesCreated());
        node.put("employeesChanged", outcome.employeesChanged());
        ArrayNode leftOut = node.putArray("leftOut");
        for (ImportService.LeftOut left : outcome.leftOut()) {
            ObjectNode entry = leftOut.addObject();
            entry.put("row", left.row().rowNumber());
            entry.put("reason", left.reasonKey());
            entry.put("message", reason(left, locale));
        }
        return node;
    }

    private static String reason(ImportService.LeftOut left, Locale locale) {
        return Messages.format(locale, left.reasonKey(), left.argument());
    }

    // ---- human-readable output ----

    private static void printFile(CliSession session, ImportedFile file) {
        Locale locale = session.locale();
        session.print("cli.file.summary", file.sourceName(), readAs(session, file), file.rows().size(),
                file.rowsWithoutErrors().size(), file.rowsWithErrors().size());
        for (Problem problem : file.problems()) {
            printProblem(session, file.describe(null, problem, locale), problem);
        }
        for (ImportedRow row : file.rows()) {
            for (Problem problem : row.problems()) {
                printProblem(session, file.describe(row, problem, locale), problem);
            }
        }
    }

    /** Describes how a file was read, e.g. {@code CSV, UTF-8, delimiter ";"} or {@code XLSX, sheet "Staff"}. */
    private static String readAs(CliSession session, ImportedFile file) {
        String format = file.format() == null ? "-" : file.format().name();
        if (file.sheetName() != null) {
            return format + ", " + session.text("cli.file.sheet", file.sheetName());
        }
        if (file.delimiter() != null) {
            return format + ", " + session.text("cli.file.text", file.encoding(), String.valueOf(file.delimiter()));
        }
        return file.encoding() == null ? format : format + ", " + file.encoding();
    }

    private static void printProblem(CliSession session, String text, Problem problem) {
        session.printDetail(problem.isError() ? "cli.problem.error" : "cli.problem.warning", text);
    }

    private static void printStored(CliSession session, ImportedFile file, ImportService.Outcome outcome) {
        session.print("cli.import.stored", file.sourceName(), outcome.draftIds().size(), outcome.ready(),
                outcome.leftOut().size());
        for (ImportService.LeftOut left : outcome.leftOut()) {
            session.printDetail("cli.import.leftOut", left.row().rowNumber(), reason(left, session.locale()));
        }
    }
}
