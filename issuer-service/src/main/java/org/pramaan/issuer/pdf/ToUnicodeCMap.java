package org.pramaan.issuer.pdf;

import java.util.List;
import java.util.Map;

/**
 * Writes a font's ToUnicode CMap: for each glyph used, the characters it stands for.
 *
 * <p>Text is drawn as glyph ids, so this map is the only way a reader can get from a glyph back to
 * text (besides the ActualText of each line). It must cover every glyph: PDF text extractors drop a
 * glyph they cannot map, and with it the line's ActualText they would have attached to it.
 */
final class ToUnicodeCMap {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ToUnicodeCMap() {
    }

    /** @param glyphs glyph id to the characters of the cluster it was shaped from */
    static String write(Map<Integer, String> glyphs, FontFace face) {
        StringBuilder out = new StringBuilder(32 * glyphs.size() + 400);
        out.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        List<Map.Entry<Integer, String>> entries = glyphs.entrySet().stream()
                .filter(entry -> entry.getKey() != 0).toList();
        // A bfchar block holds at most 100 entries.
        for (int from = 0; from < entries.size(); from += 100) {
            List<Map.Entry<Integer, String>> block = entries.subList(from, Math.min(from + 100, entries.size()));
            out.append(block.size()).append(" beginbfchar\n");
            for (Map.Entry<Integer, String> entry : block) {
                out.append('<');
                hex(out, entry.getKey());
                out.append("> <");
                String text = glyphText(face.charactersOf(entry.getKey()), entry.getValue());
                for (int i = 0; i < text.length(); i++) {
                    hex(out, text.charAt(i));
                }
                out.append(">\n");
            }
            out.append("endbfchar\n");
        }
        out.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return out.toString();
    }

    /**
     * A glyph the font maps one character to stands for that character (a space glyph reached from a
     * no-break space still reads as the character written); other glyphs (conjuncts, reordered
     * vowel-sign forms) stand for the cluster they were shaped from.
     */
    static String glyphText(int[] characters, String cluster) {
        if (characters.length == 0) {
            return cluster;
        }
        for (int character : characters) {
            if (cluster.equals(Character.toString(character))) {
                return cluster;
            }
        }
        return Character.toString(characters[0]);
    }

    private static void hex(StringBuilder out, int value) {
        out.append(HEX[(value >> 12) & 15]).append(HEX[(value >> 8) & 15]).append(HEX[(value >> 4) & 15])
                .append(HEX[value & 15]);
    }
}
