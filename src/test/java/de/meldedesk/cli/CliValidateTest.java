package de.meldedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.meldedesk.i18n.Messages;
import de.meldedesk.importing.ImportProfile;
import de.meldedesk.importing.ImportProfileStore;
import de.meldedesk.testsupport.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code validate} on the shared samples and on broken input, through {@link Cli} and as a real process. */
class CliValidateTest {

    /** Where each flat key of the expected records lies in the wire JSON of an incident. */
    private static final Map<String, String> WIRE_PATHS = Map.ofEntries(
            Map.entry("type", "/type"),
            Map.entry("employeeId", "/employeeId"),
            Map.entry("validFrom", "/validFrom"),
            Map.entry("title", "/employee/title"),
            Map.entry("firstName", "/employee/firstName"),
            Map.entry("lastName", "/employee/lastName"),
            Map.entry("birthday", "/employee/birthday"),
            Map.entry("sex", "/employee/sex"),
            Map.entry("street", "/employee/address/street"),
            Map.entry("houseNumber", "/employee/address/houseNumber"),
            Map.entry("addressSuffix", "/employee/address/addressSuffix"),
            Map.entry("zipCode", "/employee/address/zipCode"),
            Map.entry("city", "/employee/address/city"),
            Map.entry("country", "/employee/address/country"),
            Map.entry("employmentSite", "/employee/job/employmentSite"),
            Map.entry("employmentStatus", "/employee/job/employmentStatus"),
            Map.entry("startOfEmployment", "/employee/job/startOfEmployment"),
            Map.entry("personnelNumber", "/employee/job/personnelNumber"),
            Map.entry("management", "/employee/job/management"),
            Map.entry("emailBusiness", "/employee/contact/emailBusiness"),
            Map.entry("mobileBusiness", "/employee/contact/mobileBusiness"),
            Map.entry("landlineBusiness", "/employee/contact/landlineBusiness"));

    @TempDir
    Path dataDir;

    @TempDir
    Path files;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"personal-export-50.csv", "personal-export-50.xlsx"})
    void validateJsonYieldsExpectedRecords(String name) throws IOException {
        CliRunner.Result result = new CliRunner(dataDir).run("validate", "--json", Samples.file(name).toString());

        assertThat(result.exit()).as(result.err()).isEqualTo(Cli.EXIT_OK);
        assertThat(result.err()).isEmpty();
        JsonNode file = result.json().get("files").get(0);
        assertThat(file.get("file").asText()).isEqualTo(name);
        assertExpectedRecords(file);
    }

    static void assertExpectedRecords(JsonNode file) throws IOException {
        JsonNode expected = CliSession.json().readTree(Samples.read("personal-export-50.expected.json"));
        JsonNode rows = file.get("rows");
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode row = rows.get(i);
            JsonNode incident = row.get("incident");
            String where = "row " + row.get("row").asInt();
            assertThat(row.get("row").asInt()).as(where).isEqualTo(i + 2);
            assertThat(row.get("problems").findValuesAsText("severity")).as(where + " severities")
                    .doesNotContain("error");
            Iterator<Map.Entry<String, JsonNode>> fields = expected.get(i).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> want = fields.next();
                JsonNode actual = incident.at(WIRE_PATHS.get(want.getKey()));
                if (want.getValue().isTextual() && want.getValue().asText().isEmpty()) {
                    // The wire format leaves empty optional fields out.
                    assertThat(actual.isMissingNode()).as(where + " " + want.getKey() + " left out").isTrue();
                } else {
                    assertThat(actual).as(where + " " + want.getKey()).isEqualTo(want.getValue());
                }
            }
        }
    }

    @Test
    void validateTextInGerman() {
        CliRunner.Result result = new CliRunner(dataDir).locale(Messages.GERMAN)
                .run("validate", Samples.file("personal-export-50.csv").toString());

        assertThat(result.exit()).isEqualTo(Cli.EXIT_OK);
        assertThat(result.out()).contains("personal-export-50.csv (CSV, UTF-8, Trennzeichen „;“): 50 Zeilen, 50 ohne Fehler");
    }

    @Test
    void validateStoresNothing() {
        new CliRunner(dataDir).run("validate", Samples.file("personal-export-50.csv").toString());

        assertThat(dataDir.resolve("db")).doesNotExist();
    }

    @Test
    void invalidRowGivesExitOneAndNamesRow() throws IOException {
        Path csv = files.resolve("broken.csv");
        Files.writeString(csv, "Mitarbeiter-ID;Gültig ab;Meldeart\n49239697103;31.02.2026;WIK\n"
                + "49239697103;01.03.2026;WIK\n", StandardCharsets.UTF_8);

        CliRunner.Result json = new CliRunner(dataDir).run("validate", "--json", csv.toString());
        CliRunner.Result text = new CliRunner(dataDir).run("validate", csv.toString());

        assertThat(json.exit()).isEqualTo(Cli.EXIT_PROBLEMS);
        JsonNode problems = json.json().at("/files/0/rows/0/problems");
        assertThat(problems.findValuesAsText("severity")).contains("error");
        assertThat(problems.findValuesAsText("field")).contains("validFrom");
        assertThat(json.json().at("/files/0/rows/1/problems").findValuesAsText("severity")).doesNotContain("error");
        assertThat(text.exit()).isEqualTo(Cli.EXIT_PROBLEMS);
        assertThat(text.out()).contains("Error:").contains("row 2");
    }

    @Test
    void typeAndValidFromFillMissingColumns() throws IOException {
        Path csv = files.resolve("ids.csv");
        Files.writeString(csv, "Mitarbeiter-ID;Vorname\n49239697103;Anna\n", StandardCharsets.UTF_8);

        CliRunner.Result result = new CliRunner(dataDir).run("validate", "--json", "--type", "wik",
                "--valid-from", "2026-07-01", csv.toString());

        JsonNode incident = result.json().at("/files/0/rows/0/incident");
        assertThat(incident.get("type").asText()).isEqualTo("WIK");
        assertThat(incident.get("validFrom").asText()).isEqualTo("2026-07-01");
    }

    @Test
    void savedProfileMapsColumns() throws IOException {
        new ImportProfileStore(CliSession.importProfileFolder(dataDir)).save(new ImportProfile("Lohn Nord",
                "unused", null, ';', 1, null, Map.of("Kennung", "employeeId", "Ab", "validFrom", "Notiz", "")));
        Path csv = files.resolve("lohn.csv");
        Files.writeString(csv, "Kennung;Ab;Notiz\n49239697103;01.06.2026;egal\n", StandardCharsets.UTF_8);

        CliRunner.Result result = new CliRunner(dataDir).run("validate", "--json", "--profile", "lohn nord",
                "--type", "WIK", csv.toString());

        assertThat(result.exit()).as(result.out()).isEqualTo(Cli.EXIT_OK);
        JsonNode file = result.json().at("/files/0");
        assertThat(file.get("rows").get(0).at("/incident/employeeId").asText()).isEqualTo("49239697103");
        assertThat(file.get("rows").get(0).at("/incident/validFrom").asText()).isEqualTo("2026-06-01");
    }

    @Test
    void unknownProfileIsOneLine() {
        CliRunner.Result result = new CliRunner(dataDir).run("validate", "--profile", "Nirgends",
                Samples.file("personal-export-50.csv").toString());

        assertThat(result.exit()).isEqualTo(Cli.EXIT_FAILED);
        assertThat(result.errLines()).singleElement().asString().contains("Nirgends");
    }

    @Test
    void missingFileIsOneLine() {
        CliRunner.Result result = new CliRunner(dataDir).run("validate", files.resolve("nope.csv").toString());

        assertThat(result.exit()).isEqualTo(Cli.EXIT_FAILED);
        assertThat(result.errLines()).singleElement().asString().contains("nope.csv");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void unreadableFileGivesExitTwo() throws IOException {
        Path empty = files.resolve("empty.csv");
        Files.writeString(empty, "");

        CliRunner.Result result = new CliRunner(dataDir).run("validate", "--json", empty.toString());

        assertThat(result.exit()).isEqualTo(Cli.EXIT_FAILED);
        assertThat(result.json().at("/files/0/problems").findValuesAsText("severity")).contains("error");
    }

    @Test
    void badArgumentsAreOneLine() {
        CliRunner runner = new CliRunner(dataDir);
        String sample = Samples.file("personal-export-50.csv").toString();

        for (String[] args : new String[][] {
            {"validate", "--bogus", sample},
            {"validate"},
            {"validate", "--valid-from", "1.6.2026", sample},
            {"validate", "--type", "XYZ", sample},
            {"validate", "--json=yes", sample},
            {"frobnicate"},
        }) {
            CliRunner.Result result = runner.run(args);
            String call = String.join(" ", args);
            assertThat(result.exit()).as(call).isEqualTo(Cli.EXIT_FAILED);
            assertThat(result.errLines()).as(call).hasSize(1);
            assertThat(result.err()).as(call).startsWith("meldedesk: ").doesNotContain("Exception");
        }
    }

    @Test
    void helpListsCommands() {
        CliRunner.Result result = new CliRunner(dataDir).run("help");

        assertThat(result.exit()).isEqualTo(Cli.EXIT_OK);
        assertThat(result.out()).contains("empty-report --company CAREFLEX_ID --month YYYY-MM");
        assertThat(result.out()).contains("MELDEDESK_SERVICE_USER");
    }

    @Test
    void sandboxHelpAndBadOption() {
        CliRunner runner = new CliRunner(dataDir);

        CliRunner.Result help = runner.run("sandbox", "--help");
        CliRunner.Result bad = runner.run("sandbox", "--port", "many");

        assertThat(help.exit()).isEqualTo(Cli.EXIT_OK);
        assertThat(help.out()).contains("--drop-after-processing");
        assertThat(bad.exit()).isEqualTo(Cli.EXIT_FAILED);
        assertThat(bad.errLines()).singleElement().asString().contains("--port");
    }

    @Test
    void launcherProcessPrintsOnlyJson() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "de.meldedesk.app.Launcher",
                "--data-dir", dataDir.toString(), "--lang", "en",
                "validate", "--json", Samples.file("personal-export-50.xlsx").toString());
        builder.redirectError(files.resolve("stderr.txt").toFile());
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);

        assertThat(finished).isTrue();
        assertThat(process.exitValue()).as(Files.readString(files.resolve("stderr.txt"))).isZero();
        JsonNode document = CliSession.json().readTree(out);
        assertThat(document.get("files").get(0).get("format").asText()).isEqualTo("XLSX");
        assertExpectedRecords(document.get("files").get(0));
    }
}
