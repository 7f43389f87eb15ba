package de.meldedesk.importing;

import de.meldedesk.domain.Text;
import de.meldedesk.domain.validation.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads CSV files, Excel workbooks, CareFlex JSON and pasted text into
 * {@link ImportedFile}s. The engine catches every checked and runtime
 * exception per file and turns it into a problem of the file or of a row.
 * Only a cancelled import ends in an exception, {@link ImportCancelledException},
 * and then no partial result exists. The format is taken from the content, not the file
 * name. Safe for use from several threads, as long as each import has its own
 * options and progress.
 */
public final class ImportEngine {

    /** Largest text file accepted; a monthly export with thousands of rows is a few megabytes. */
    static final long MAX_TEXT_BYTES = 200L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ImportEngine.class);

    private final ImportProfileStore profiles;

    /** Creates an engine that applies no saved profiles. */
    public ImportEngine() {
        this(null);
    }

    /** Creates an engine that applies the profile saved for a file's header, unless the options map columns by hand. */
    public ImportEngine(ImportProfileStore profiles) {
        this.profiles = profiles;
    }

    /** Reads a file without progress reports, as the command line does. */
    public ImportedFile read(Path file, ImportOptions options) {
        try {
            return read(file, options, ImportProgress.NONE);
        } catch (ImportCancelledException e) {
            throw new IllegalStateException("an import without progress cannot be cancelled", e);
        }
    }

    /** Reads a file; the progress is asked for cancellation between rows. */
    public ImportedFile read(Path file, ImportOptions options, ImportProgress progress)
            throws ImportCancelledException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        LOG.info("Import of {} started", name);
        Attempt attempt = new Attempt(name, ImportFormat.CSV);
        try {
            attempt.hash = hash(file);
            byte[] head = head(file);
            if (TextDecoder.startsWith(head, 'P', 'K', 3, 4)) {
                attempt.format = ImportFormat.XLSX;
                return finish(readXlsx(file, options, progress, attempt));
            }
            if (TextDecoder.startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
                attempt.format = ImportFormat.XLSX;
                throw new UnreadableFileException("import.xlsx.oldFormat");
            }
            if (Files.size(file) > MAX_TEXT_BYTES) {
                throw new UnreadableFileException("import.file.tooLarge", MAX_TEXT_BYTES / (1024 * 1024));
            }
            return finish(readBytes(Files.readAllBytes(file), options, progress, attempt));
        } catch (UnreadableFileException e) {
            LOG.warn("Import of {} failed: {}", name, e.problem().key());
            return attempt.failed(e.problem());
        } catch (IOException e) {
            LOG.warn("Import of {} failed to read the file", name, e);
            return attempt.failed(Problem.error(null, "import.file.ioError", String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            LOG.warn("Import of {} failed unexpectedly", name, e);
            return attempt.failed(Problem.error(null, "import.file.failed", e.getClass().getSimpleName()));
        }
    }

    /** Reads text pasted from a spreadsheet: tab-separated unless the options name another delimiter. */
    public ImportedFile readText(String text, String sourceName, ImportOptions options) {
        try {
            return readText(text, sourceName, options, ImportProgress.NONE);
        } catch (ImportCancelledException e) {
            throw new IllegalStateException("an import without progress cannot be cancelled", e);
        }
    }

    public ImportedFile readText(String text, String sourceName, ImportOptions options, ImportProgress progress)
            throws ImportCancelledException {
        Attempt attempt = new Attempt(sourceName, ImportFormat.TEXT);
        String content = text == null ? "" : text;
        attempt.hash = TableImporter.sha256(content.getBytes(StandardCharsets.UTF_8));
        attempt.encoding = null;
        try {
            if (Text.isBlank(content)) {
                throw new UnreadableFileException("import.file.empty");
            }
            char delimiter = options.delimiter() != null ? options.delimiter() : '\t';
            return finish(readDelimited(content, delimiter, options, progress, attempt));
        } catch (UnreadableFileException e) {
            return attempt.failed(e.problem());
        } catch (RuntimeException e) {
            LOG.warn("Import of pasted text {} failed unexpectedly", sourceName, e);
            return attempt.failed(Problem.error(null, "import.file.failed", e.getClass().getSimpleName()));
        }
    }

    private ImportedFile readBytes(byte[] bytes, ImportOptions options, ImportProgress progress, Attempt attempt)
            throws UnreadableFileException, ImportCancelledException, IOException {
        if (bytes.length == 0) {
            throw new UnreadableFileException("import.file.empty");
        }
        TextDecoder.Decoded decoded = TextDecoder.decode(bytes, options.encoding());
        String text = decoded.text();
        attempt.encoding = decoded.charset().name();
        if (Text.isBlank(text)) {
            throw new UnreadableFileException("import.file.empty");
        }
        if (TextDecoder.looksBinary(text)) {
            throw new UnreadableFileException("import.file.binary");
        }
        if (decoded.guessed() && decoded.charset().equals(TextDecoder.WINDOWS_1252)) {
            attempt.problems.add(Problem.warning(null, "import.file.windows1252"));
        }
        String doubled = TextDecoder.doubleEncodedSample(text);
        if (doubled != null) {
            attempt.problems.add(Problem.warning(null, "import.file.doubleEncoded", doubled));
        }
        char first = text.strip().charAt(0);
        if (first == '{' || first == '[') {
            attempt.format = ImportFormat.JSON;
            return readJson(text, options, progress, attempt);
        }
        attempt.format = ImportFormat.CSV;
        Character delimiter = options.delimiter() != null ? options.delimiter() : CsvTableReader.sniff(text);
        if (delimiter == null) {
            delimiter = ';';
            attempt.problems.add(Problem.warning(null, "import.csv.oneColumn"));
        }
        Charset profileCharset = profileCharset(text, delimiter, decoded.charset(), options);
        if (profileCharset != null) {
            attempt.problems.clear();
            return readBytes(bytes, options.withEncoding(profileCharset), progress, attempt);
        }
        return readDelimited(text, delimiter, options, progress, attempt);
    }

    /** Returns the charset of the saved profile that fits the text, when it differs from the one detected. */
    private Charset profileCharset(String text, char delimiter, Charset detected, ImportOptions options)
            throws UnreadableFileException {
        if (profiles == null || options.encoding() != null || !options.mapping().isEmpty()) {
            return null;
        }
        SourceTable probe = CsvTableReader.read(text, delimiter, options.maxRows(), new ArrayList<>());
        ImportProfile profile = profileFor(probe, options);
        if (profile == null || profile.encoding() == null || profile.encoding().equals(detected.name())
                || !Charset.isSupported(profile.encoding())) {
            return null;
        }
        return Charset.forName(profile.encoding());
    }

    /**
     * Reads delimited text. When a saved profile fits the header and names
     * another delimiter, the text is read again with it.
     */
    private ImportedFile readDelimited(String text, char delimiter, ImportOptions options, ImportProgress progress,
            Attempt attempt) throws UnreadableFileException, ImportCancelledException {
        List<Problem> before = new ArrayList<>(attempt.problems);
        SourceTable table = CsvTableReader.read(text, delimiter, options.maxRows(), attempt.problems);
        ImportProfile profile = profileFor(table, options);
        ImportOptions effective = withProfile(options, profile);
        char used = delimiter;
        if (profile != null && profile.delimiter() != null && profile.delimiter() != delimiter
                && options.delimiter() == null) {
            used = profile.delimiter();
            attempt.problems.clear();
            attempt.problems.addAll(before);
            table = CsvTableReader.read(text, used, options.maxRows(), attempt.problems);
        }
        attempt.delimiter = used;
        return readTable(table, null, List.of(), effective, profile, progress, attempt);
    }

    private ImportedFile readXlsx(Path file, ImportOptions options, ImportProgress progress, Attempt attempt)
            throws UnreadableFileException, IOException, ImportCancelledException {
        XlsxTableReader.Result sheet = XlsxTableReader.read(file, options, progress, attempt.problems, attempt.name);
        if (sheet.sheetName() == null) {
            attempt.sheetNames = sheet.sheetNames();
            throw new UnreadableFileException("import.xlsx.noData");
        }
        ImportProfile profile = profileFor(sheet.table(), options);
        return readTable(sheet.table(), sheet.sheetName(), sheet.sheetNames(), withProfile(options, profile), profile,
                progress, attempt);
    }

    private ImportedFile readTable(SourceTable table, String sheetName, List<String> sheetNames, ImportOptions options,
            ImportProfile profile, ImportProgress progress, Attempt attempt) throws ImportCancelledException {
        TableImporter.Result result = new TableImporter(options, profile, attempt.problems)
                .read(table, sheetName, progress, attempt.name);
        if (result.rows().isEmpty()) {
            attempt.problems.add(Problem.warning(null, "import.file.noRows"));
        }
        return new ImportedFile(attempt.name, attempt.format, attempt.encoding, attempt.delimiter, sheetName,
                sheetNames, result.headerRow(), result.headers(), result.headerSignature(), result.mapping(),
                profile == null ? null : profile.name(), attempt.hash, attempt.problems, result.rows());
    }

    private ImportedFile readJson(String text, ImportOptions options, ImportProgress progress, Attempt attempt)
            throws UnreadableFileException, ImportCancelledException {
        CareflexJsonReader.Result json = CareflexJsonReader.read(text, attempt.problems);
        RowBuilder builder = new RowBuilder(options, true);
        List<ImportedRow> rows = new ArrayList<>();
        int total = json.entries().size();
        for (CareflexJsonReader.Entry entry : json.entries()) {
            if (progress.isCancelled()) {
                throw new ImportCancelledException(attempt.name, rows.size());
            }
            rows.add(builder.build(entry.rowNumber(), null, entry.cells(), entry.values(), false, entry.problems()));
            if (rows.size() % 500 == 0) {
                progress.rowsDone(rows.size(), total);
            }
        }
        progress.rowsDone(total, total);
        if (rows.isEmpty()) {
            attempt.problems.add(Problem.warning(null, "import.file.noRows"));
        }
        List<String> headers = json.mapping().stream().map(ColumnMapping::header).toList();
        return new ImportedFile(attempt.name, ImportFormat.JSON, attempt.encoding, null, null, List.of(), 0, headers,
                TableImporter.signature(headers), json.mapping(), null, attempt.hash, attempt.problems,
                RowBuilder.markDuplicates(rows));
    }

    private ImportProfile profileFor(SourceTable table, ImportOptions options) {
        if (profiles == null || !options.mapping().isEmpty()) {
            return null;
        }
        try {
            for (String signature : TableImporter.candidateSignatures(table, options)) {
                Optional<ImportProfile> profile = profiles.findFor(signature);
                if (profile.isPresent()) {
                    LOG.info("Applying import profile {}", profile.get().name());
                    return profile.get();
                }
            }
            return null;
        } catch (IOException e) {
            LOG.warn("Import profiles could not be read; the file is mapped without them", e);
            return null;
        }
    }

    /** Fills the overrides the clerk left open with the profile's settings. */
    private static ImportOptions withProfile(ImportOptions options, ImportProfile profile) {
        if (profile == null) {
            return options;
        }
        ImportOptions result = options;
        if (options.headerRow() == null && profile.headerRow() != null) {
            result = result.withHeaderRow(profile.headerRow());
        }
        if (options.dateFormat() == null && profile.dateFormat() != null) {
            result = result.withDateFormat(profile.dateFormat());
        }
        return result;
    }

    private static ImportedFile finish(ImportedFile file) {
        LOG.info("Import of {} finished: {} rows, {} with errors, {} file problems", file.sourceName(),
                file.rows().size(), file.rowsWithErrors().size(), file.problems().size());
        return file;
    }

    private static String hash(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStreamSink.INSTANCE);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        }
    }

    /** An output stream that drops what it is given, for hashing a file without keeping it. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    /** State of a file being read, so that a failure still reports its name, format and hash. */
    private static final class Attempt {
        final String name;
        final List<Problem> problems = new ArrayList<>();
        ImportFormat format;
        String hash;
        String encoding;
        Character delimiter;
        List<String> sheetNames = List.of();

        Attempt(String name, ImportFormat format) {
            this.name = name;
            this.format = format;
        }

        ImportedFile failed(Problem problem) {
            problems.add(problem);
            return new ImportedFile(name, format, encoding, delimiter, null, sheetNames, 0, List.of(), null,
                    List.of(), null, Objects.requireNonNullElse(hash, ""), problems, List.of());
        }
    }
}
