package de.meldedesk.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs the benchmarks and prints medians and ratios to their floors, which are
 * measured in the same run on the same data. Options: {@code --rows N} (drafts
 * per import and submission, default 10000), {@code --history N} (sent
 * incidents for the search case, default 100000), {@code --runs N} (measured
 * runs per case after one warm-up, default 5), {@code --cases a,b}
 * (csv, xlsx, submission, start, memory, search; default all), {@code --work DIR}.
 */
public final class Main {

    private Main() {
    }

    /** The settings of one benchmark run. */
    public record Settings(int rows, int history, int runs, List<String> cases, Path work) {

        static Settings parse(String... args) throws Exception {
            int rows = 10_000;
            int history = 100_000;
            int runs = 5;
            List<String> cases = List.of("csv", "xlsx", "submission", "start", "memory", "search");
            Path work = null;
            for (int i = 0; i < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--rows" -> rows = Integer.parseInt(value);
                    case "--history" -> history = Integer.parseInt(value);
                    case "--runs" -> runs = Integer.parseInt(value);
                    case "--cases" -> cases = Arrays.asList(value.split(","));
                    case "--work" -> work = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; use --rows, --history, --runs, --cases or --work");
                }
            }
            if (runs < 1) {
                throw new IllegalArgumentException("--runs must be at least 1, not " + runs);
            }
            if (work == null) {
                work = Files.createTempDirectory("meldedesk-bench");
            }
            return new Settings(rows, history, runs, cases, work);
        }
    }

    /**
     * One measured case: medians in milliseconds (or kB for memory), the floor's
     * median (0 when the case has none), and the target: a maximum ratio to the
     * floor, or with no floor a maximum median.
     */
    public record Result(String name, String unit, double median, double floorMedian, double target,
                         String detail) {

        public boolean hasFloor() {
            return floorMedian > 0;
        }

        public double ratio() {
            return hasFloor() ? median / floorMedian : Double.NaN;
        }

        public boolean met() {
            return hasFloor() ? ratio() <= target : median <= target;
        }

        String line() {
            String goal = hasFloor() ? String.format(Locale.ROOT, "<= %.2f x floor", target)
                    : String.format(Locale.ROOT, "<= %.0f %s", target, unit);
            String ratioText = hasFloor() ? String.format(Locale.ROOT, "%.2f", ratio()) : "-";
            String floorText = hasFloor() ? String.format(Locale.ROOT, "%.1f", floorMedian) : "-";
            return String.format(Locale.ROOT, "| %s | %.1f %s | %s | %s | %s | %s | %s |", name, median, unit,
                    floorText, ratioText, goal, met() ? "met" : "MISSED", detail);
        }
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<Result> results = run(Settings.parse(args), out);
        boolean allMet = results.stream().allMatch(Result::met);
        System.exit(allMet ? 0 : 1);
    }

    /** Runs the selected cases and prints a Markdown table; returns the results. */
    public static List<Result> run(Settings settings, PrintStream out) throws Exception {
        out.println("Benchmarks: " + settings.rows() + " rows, " + settings.history() + " history incidents, "
                + settings.runs() + " runs after 1 warm-up, " + Runtime.getRuntime().availableProcessors()
                + " processors, Java " + System.getProperty("java.version"));
        Cases cases = new Cases(settings, out);
        List<Result> results = new ArrayList<>();
        for (String name : settings.cases()) {
            List<Result> done = switch (name) {
                case "csv" -> List.of(cases.csvImport());
                case "xlsx" -> List.of(cases.xlsxImport());
                case "submission" -> List.of(cases.submission());
                case "start" -> List.of(cases.start());
                case "memory" -> List.of(cases.memory());
                case "search" -> cases.search();
                default -> throw new IllegalArgumentException("unknown case " + name);
            };
            for (Result result : done) {
                results.add(result);
                out.println("done: " + result.line());
            }
        }
        out.println();
        out.println("| Case | Meldedesk median | Floor median | Ratio | Target | Result | Detail |");
        out.println("|---|---|---|---|---|---|---|");
        for (Result result : results) {
            out.println(result.line());
        }
        return results;
    }

    /** Returns the median of the values. */
    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
