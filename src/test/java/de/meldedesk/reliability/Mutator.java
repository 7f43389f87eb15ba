package de.meldedesk.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Seeded mutations of valid input files: byte flips, inserts, cuts,
 * duplicated ranges, other encodings, stray quotes and delimiters, huge
 * cells, thousands of columns, deep nesting, and for workbooks changes inside
 * the zip entries. The same seed gives the same sequence of mutants.
 */
final class Mutator {

    private static final Charset[] ENCODINGS = {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
        StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"), StandardCharsets.US_ASCII,
        Charset.forName("IBM437")};
    private static final byte[][] TOKENS = {"\"".getBytes(StandardCharsets.UTF_8), ";".getBytes(StandardCharsets.UTF_8),
        ",".getBytes(StandardCharsets.UTF_8), "\t".getBytes(StandardCharsets.UTF_8),
        "\r".getBytes(StandardCharsets.UTF_8), "\n".getBytes(StandardCharsets.UTF_8),
        "\u00ef\u00bb\u00bf".getBytes(StandardCharsets.ISO_8859_1), "{".getBytes(StandardCharsets.UTF_8),
        "}".getBytes(StandardCharsets.UTF_8), "[".getBytes(StandardCharsets.UTF_8),
        "]".getBytes(StandardCharsets.UTF_8), "\\u0000".getBytes(StandardCharsets.UTF_8), new byte[] {0},
        "=HYPERLINK(\"x\")".getBytes(StandardCharsets.UTF_8), "31.02.2026".getBytes(StandardCharsets.UTF_8),
        "1E+10".getBytes(StandardCharsets.UTF_8), "<".getBytes(StandardCharsets.UTF_8),
        "&#0;".getBytes(StandardCharsets.UTF_8), "\u00e4".getBytes(StandardCharsets.UTF_8)};

    private final Random random;

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** Returns a mutant of a text file (CSV or JSON); {@code json} adds nesting mutations. */
    byte[] mutateText(byte[] valid, boolean json) {
        int kind = random.nextInt(json ? 12 : 11);
        switch (kind) {
            case 0:
                return reencode(valid);
            case 1:
                return hugeCell(valid);
            case 2:
                return manyColumns(valid);
            case 3:
                return truncate(valid);
            case 11:
                return deepNesting();
            default:
                return mutateBytes(valid, 1 + random.nextInt(12));
        }
    }

    /** Returns a mutant of a workbook: zip-level damage, or XML changes inside a rebuilt zip. */
    byte[] mutateXlsx(byte[] valid) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return mutateBytes(valid, 1 + random.nextInt(8));
        }
        if (kind == 1) {
            return truncate(valid);
        }
        List<ZipPart> parts = unzip(valid);
        ZipPart target = parts.get(random.nextInt(parts.size()));
        if (kind == 2) {
            parts.remove(target);
        } else if (kind == 3) {
            target.bytes = hugeCell(target.bytes);
        } else if (kind == 4) {
            target.bytes = deepXml();
        } else {
            target.bytes = mutateBytes(target.bytes, 1 + random.nextInt(10));
        }
        return zip(parts);
    }

    byte[] mutateBytes(byte[] valid, int edits) {
        byte[] bytes = valid;
        for (int i = 0; i < edits; i++) {
            if (bytes.length == 0) {
                return TOKENS[random.nextInt(TOKENS.length)].clone();
            }
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(6)) {
                case 0:
                    bytes = bytes.clone();
                    bytes[at] = (byte) random.nextInt(256);
                    break;
                case 1:
                    bytes = insert(bytes, at, TOKENS[random.nextInt(TOKENS.length)]);
                    break;
                case 2:
                    bytes = cut(bytes, at, Math.min(bytes.length - at, 1 + random.nextInt(64)));
                    break;
                case 3:
                    int length = Math.min(bytes.length - at, 1 + random.nextInt(256));
                    bytes = insert(bytes, random.nextInt(bytes.length), Arrays.copyOfRange(bytes, at, at + length));
                    break;
                case 4:
                    byte[] noise = new byte[1 + random.nextInt(32)];
                    random.nextBytes(noise);
                    bytes = insert(bytes, at, noise);
                    break;
                default:
                    bytes = bytes.clone();
                    bytes[at] = (byte) (bytes[at] ^ (1 << random.nextInt(8)));
                    break;
            }
        }
        return bytes;
    }

    private byte[] reencode(byte[] valid) {
        String text = new String(valid, random.nextBoolean() ? StandardCharsets.UTF_8 : Charset.forName("windows-1252"));
        return text.getBytes(ENCODINGS[random.nextInt(ENCODINGS.length)]);
    }

    /** Inserts one cell of 1 to 8 MB at a random place. */
    private byte[] hugeCell(byte[] valid) {
        byte[] cell = new byte[(1 + random.nextInt(8)) * 1024 * 1024];
        Arrays.fill(cell, (byte) (random.nextBoolean() ? 'x' : '"'));
        return insert(valid, random.nextInt(valid.length + 1), cell);
    }

    /** Puts 10,000 extra delimiters into the first line, so the header gets 10,000 more columns. */
    private byte[] manyColumns(byte[] valid) {
        byte[] delimiters = new byte[10_000];
        Arrays.fill(delimiters, (byte) (random.nextBoolean() ? ';' : ','));
        int lineEnd = 0;
        while (lineEnd < valid.length && valid[lineEnd] != '\n') {
            lineEnd++;
        }
        return insert(valid, Math.max(0, lineEnd - 1), delimiters);
    }

    private byte[] truncate(byte[] valid) {
        return Arrays.copyOf(valid, valid.length == 0 ? 0 : random.nextInt(valid.length));
    }

    /** Returns JSON nested 10,000 to 200,000 levels deep. */
    private byte[] deepNesting() {
        int depth = 10_000 + random.nextInt(190_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        return (open.repeat(depth) + "1").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] deepXml() {
        int depth = 10_000 + random.nextInt(90_000);
        return ("<?xml version=\"1.0\"?>" + "<a>".repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insert(byte[] bytes, int at, byte[] extra) {
        byte[] result = new byte[bytes.length + extra.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(extra, 0, result, at, extra.length);
        System.arraycopy(bytes, at, result, at + extra.length, bytes.length - at);
        return result;
    }

    private static byte[] cut(byte[] bytes, int at, int length) {
        byte[] result = new byte[bytes.length - length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(bytes, at + length, result, at, bytes.length - at - length);
        return result;
    }

    /** One entry of a zip file. */
    static final class ZipPart {
        final String name;
        byte[] bytes;

        ZipPart(String name, byte[] bytes) {
            this.name = name;
            this.bytes = bytes;
        }
    }

    /** Reads the entries through the central directory, because fastexcel writes sizes only after the data. */
    static List<ZipPart> unzip(byte[] zip) {
        List<ZipPart> parts = new ArrayList<>();
        try {
            Path file = Files.createTempFile("mutator", ".zip");
            try {
                Files.write(file, zip);
                try (ZipFile zipFile = new ZipFile(file.toFile())) {
                    for (ZipEntry entry : Collections.list(zipFile.entries())) {
                        try (InputStream in = zipFile.getInputStream(entry)) {
                            parts.add(new ZipPart(entry.getName(), in.readAllBytes()));
                        }
                    }
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    static byte[] zip(List<ZipPart> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipPart part : parts) {
                out.putNextEntry(new ZipEntry(part.name));
                out.write(part.bytes);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Returns the workbook with its first worksheet replaced by {@code megabytes}
     * of blanks inside a valid start tag, which deflate shrinks about a thousandfold.
     * The blanks are written in pieces, so the test never keeps all of them in memory.
     */
    static byte[] zipBomb(byte[] validXlsx, int megabytes) {
        List<ZipPart> parts = unzip(validXlsx);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean bombed = false;
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipPart part : parts) {
                out.putNextEntry(new ZipEntry(part.name));
                if (!bombed && part.name.startsWith("xl/worksheets/")) {
                    bombed = true;
                    byte[] head = "<?xml version=\"1.0\"?><worksheet ".getBytes(StandardCharsets.UTF_8);
                    byte[] blanks = new byte[1024 * 1024];
                    Arrays.fill(blanks, (byte) ' ');
                    out.write(head);
                    out.write(blanks, 0, blanks.length - head.length);
                    for (int i = 1; i < megabytes; i++) {
                        out.write(blanks);
                    }
                } else {
                    out.write(part.bytes);
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
