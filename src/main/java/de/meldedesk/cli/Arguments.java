package de.meldedesk.cli;

import de.meldedesk.i18n.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The options and positional arguments of one command. Options take the forms
 * {@code --name value} and {@code --name=value}; flags stand alone. An option
 * the command does not declare is a usage error.
 */
final class Arguments {

    private final Map<String, List<String>> options = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();
    private final Locale locale;

    private Arguments(Locale locale) {
        this.locale = locale;
    }

    /**
     * Parses {@code args}.
     *
     * @param valueOptions options that take a value, e.g. {@code --company}
     * @param flagOptions options that stand alone, e.g. {@code --json}
     */
    static Arguments parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions, Locale locale)
            throws UsageException {
        Arguments parsed = new Arguments(locale);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.equals("--")) {
                parsed.positional.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (flagOptions.contains(name)) {
                if (eq >= 0) {
                    throw new UsageException(Messages.format(locale, "cli.flagWithValue", name));
                }
                parsed.flags.add(name);
            } else if (valueOptions.contains(name)) {
                String value;
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException(Messages.format(locale, "cli.missingValue", name));
                }
                parsed.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException(Messages.format(locale, "cli.unknownOption", name));
            }
        }
        return parsed;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    String option(String name) {
        List<String> values = options.get(name);
        return values == null ? null : values.get(values.size() - 1);
    }

    String required(String name) throws UsageException {
        String value = option(name);
        if (value == null || value.isBlank()) {
            throw new UsageException(Messages.format(locale, "cli.requiredOption", name));
        }
        return value;
    }

    int intOption(String name, int defaultValue) throws UsageException {
        String value = option(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(Messages.format(locale, "cli.notANumber", name, value));
        }
    }

    double rateOption(String name) throws UsageException {
        String value = option(name);
        if (value == null) {
            return 0;
        }
        try {
            double rate = Double.parseDouble(value.trim());
            if (rate < 0 || rate > 1) {
                throw new NumberFormatException(value);
            }
            return rate;
        } catch (NumberFormatException e) {
            throw new UsageException(Messages.format(locale, "cli.notARate", name, value));
        }
    }

    List<String> positional() {
        return positional;
    }
}
