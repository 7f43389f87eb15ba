package de.meldedesk.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The options that come before the command: {@code [--data-dir DIR] [--lang de|en] COMMAND ...}.
 * Everything from the first word that is not a global option on belongs to the command.
 * {@code locale} is null unless {@code --lang} was given.
 */
public record GlobalOptions(String dataDir, Locale locale, List<String> commandArgs) {

    public GlobalOptions {
        commandArgs = List.copyOf(commandArgs);
    }

    /** Returns the command word, or {@code gui} when none is given. */
    public String command() {
        return commandArgs.isEmpty() ? "gui" : commandArgs.get(0);
    }

    /** Returns the language given with {@code --lang}, or {@code fallback}. */
    public Locale localeOr(Locale fallback) {
        return locale != null ? locale : fallback;
    }

    /** Returns the language for command-line messages: {@code --lang}, else English only on an English system. */
    public Locale commandLineLocale(Locale systemLocale) {
        return localeOr("en".equals(systemLocale.getLanguage()) ? Locale.UK : Locale.GERMANY);
    }

    /**
     * Parses the global options.
     *
     * @throws IllegalArgumentException with an English text for the log when an option lacks its value
     *     or {@code --lang} names a language other than de or en
     */
    public static GlobalOptions parse(String[] args) {
        String dataDir = null;
        Locale locale = null;
        List<String> rest = new ArrayList<>();
        int i = 0;
        while (i < args.length) {
            String arg = args[i];
            if (arg.equals("--data-dir") || arg.startsWith("--data-dir=")) {
                String[] pair = valueOf(args, i);
                dataDir = pair[0];
                i += Integer.parseInt(pair[1]);
            } else if (arg.equals("--lang") || arg.startsWith("--lang=")) {
                String[] pair = valueOf(args, i);
                locale = language(pair[0]);
                i += Integer.parseInt(pair[1]);
            } else {
                break;
            }
        }
        for (; i < args.length; i++) {
            rest.add(args[i]);
        }
        return new GlobalOptions(dataDir, locale, rest);
    }

    private static Locale language(String code) {
        switch (code.toLowerCase(Locale.ROOT)) {
            case "de":
                return Locale.GERMANY;
            case "en":
                return Locale.UK;
            default:
                throw new IllegalArgumentException("--lang accepts de or en, not " + code);
        }
    }

    /** Returns the option's value and how many arguments it used. */
    private static String[] valueOf(String[] args, int index) {
        String arg = args[index];
        int eq = arg.indexOf('=');
        if (eq >= 0) {
            return new String[] {arg.substring(eq + 1), "1"};
        }
        if (index + 1 >= args.length) {
            throw new IllegalArgumentException(arg + " needs a value");
        }
        return new String[] {args[index + 1], "2"};
    }
}
