package de.meldedesk.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * First pass over a workbook before the cell reader opens it. It inflates
 * every entry once to enforce the size limits, because the sizes in the zip
 * directory can lie. It also collects the merged ranges of each sheet, which
 * the cell reader does not offer.
 */
final class XlsxPackageScan {

    /** Largest total uncompressed size accepted, far above a monthly HR export. */
    static final long MAX_UNCOMPRESSED_BYTES = 200L * 1024 * 1024;
    /** Most zip entries accepted. A workbook of a few sheets has a few dozen. */
    static final int MAX_ENTRIES = 10_000;
    /** Largest workbook.xml or relationship part kept in memory. */
    private static final int MAX_SMALL_PART = 8 * 1024 * 1024;

    private static final Pattern MERGE_REF = Pattern.compile("ref\\s*=\\s*\"([A-Za-z]+\\d+:[A-Za-z]+\\d+)\"");
    private static final Pattern ABSOLUTE_TARGET = Pattern.compile("^/");

    /** Merged ranges by sheet name. */
    private final Map<String, List<SourceTable.CellRange>> mergesBySheet;

    private XlsxPackageScan(Map<String, List<SourceTable.CellRange>> mergesBySheet) {
        this.mergesBySheet = mergesBySheet;
    }

    List<SourceTable.CellRange> merges(String sheetName) {
        return mergesBySheet.getOrDefault(sheetName, List.of());
    }

    static XlsxPackageScan scan(Path file) throws UnreadableFileException, IOException {
        Map<String, List<SourceTable.CellRange>> mergesByPart = new HashMap<>();
        Map<String, byte[]> smallParts = new HashMap<>();
        long total = 0;
        int entries = 0;
        XlsxXmlGuard guard = new XlsxXmlGuard();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (++entries > MAX_ENTRIES) {
                    throw new UnreadableFileException("import.xlsx.tooManyEntries", MAX_ENTRIES);
                }
                String name = entry.getName();
                boolean sheet = name.startsWith("xl/worksheets/") && name.endsWith(".xml");
                boolean small = name.endsWith(".rels") || name.endsWith("workbook.xml");
                List<SourceTable.CellRange> merges = new ArrayList<>();
                ByteArrayOutputStream kept = small ? new ByteArrayOutputStream() : null;
                try (InputStream in = zip.getInputStream(entry)) {
                    guard.startPart();
                    total = inflate(in, total, sheet ? merges : null, kept, guard);
                }
                if (sheet && !merges.isEmpty()) {
                    mergesByPart.put(name, merges);
                }
                if (kept != null) {
                    smallParts.put(name, kept.toByteArray());
                }
            }
        } catch (ZipException e) {
            throw new UnreadableFileException("import.xlsx.damaged");
        }
        return new XlsxPackageScan(bySheetName(smallParts, mergesByPart));
    }

    /**
     * Reads an entry to its end, adding its size to {@code total} and failing
     * once the limit is passed. It also collects merged ranges, keeps small
     * parts and passes every byte to the guard against names the XML parser would keep.
     */
    private static long inflate(InputStream in, long total, List<SourceTable.CellRange> merges,
            ByteArrayOutputStream kept, XlsxXmlGuard guard) throws IOException, UnreadableFileException {
        byte[] buffer = new byte[64 * 1024];
        String carry = "";
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > MAX_UNCOMPRESSED_BYTES) {
                throw new UnreadableFileException("import.xlsx.tooLarge", MAX_UNCOMPRESSED_BYTES / (1024 * 1024));
            }
            guard.feed(buffer, 0, n);
            if (kept != null && kept.size() + n <= MAX_SMALL_PART) {
                kept.write(buffer, 0, n);
            }
            if (merges != null) {
                carry = collectMerges(carry + new String(buffer, 0, n, StandardCharsets.ISO_8859_1), merges);
            }
        }
        return total;
    }

    /** Finds complete {@code <mergeCell ref="…"/>} tags and returns the tail that may hold an incomplete one. */
    private static String collectMerges(String chunk, List<SourceTable.CellRange> merges) {
        int from = 0;
        while (true) {
            int start = chunk.indexOf("mergeCell ", from);
            if (start < 0) {
                break;
            }
            int end = chunk.indexOf('>', start);
            if (end < 0) {
                return chunk.substring(start);
            }
            Matcher ref = MERGE_REF.matcher(chunk.substring(start, end));
            if (ref.find()) {
                SourceTable.CellRange range = SourceTable.CellRange.parse(ref.group(1));
                if (range != null) {
                    merges.add(range);
                }
            }
            from = end + 1;
        }
        return chunk.substring(Math.max(from, chunk.length() - 32));
    }

    /** Resolves sheet names to their parts through workbook.xml and its relationships. */
    private static Map<String, List<SourceTable.CellRange>> bySheetName(Map<String, byte[]> parts,
            Map<String, List<SourceTable.CellRange>> mergesByPart) {
        byte[] workbook = parts.get("xl/workbook.xml");
        byte[] rels = parts.get("xl/_rels/workbook.xml.rels");
        Map<String, List<SourceTable.CellRange>> result = new LinkedHashMap<>();
        if (workbook == null || rels == null || mergesByPart.isEmpty()) {
            return result;
        }
        try {
            Map<String, String> targetById = new HashMap<>();
            XMLStreamReader relsReader = reader(rels);
            while (relsReader.hasNext()) {
                if (relsReader.next() == XMLStreamConstants.START_ELEMENT
                        && "Relationship".equals(relsReader.getLocalName())) {
                    String target = relsReader.getAttributeValue(null, "Target");
                    String id = relsReader.getAttributeValue(null, "Id");
                    if (target != null && id != null) {
                        targetById.put(id, ABSOLUTE_TARGET.matcher(target).find() ? target.substring(1) : "xl/" + target);
                    }
                }
            }
            XMLStreamReader sheets = reader(workbook);
            while (sheets.hasNext()) {
                if (sheets.next() == XMLStreamConstants.START_ELEMENT && "sheet".equals(sheets.getLocalName())) {
                    String name = sheets.getAttributeValue(null, "name");
                    String id = null;
                    for (int i = 0; i < sheets.getAttributeCount(); i++) {
                        if ("id".equals(sheets.getAttributeLocalName(i))) {
                            id = sheets.getAttributeValue(i);
                        }
                    }
                    String part = id == null ? null : targetById.get(id);
                    if (name != null && part != null && mergesByPart.containsKey(part)) {
                        result.put(name, mergesByPart.get(part));
                    }
                }
            }
        } catch (XMLStreamException e) {
            // Without names the merged ranges are unknown; the cell reader reports a broken workbook itself.
            return Map.of();
        }
        return result;
    }

    private static XMLStreamReader reader(byte[] xml) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory.createXMLStreamReader(new ByteArrayInputStream(xml));
    }
}
