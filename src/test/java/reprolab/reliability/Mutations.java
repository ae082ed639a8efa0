package reprolab.reliability;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;

/** Text mutations for fuzzing parsers: random edits of a valid document, and JSON-ish noise. */
final class Mutations {

    /** Characters that matter to a JSON parser, plus a few that should never appear. */
    private static final String JSON_CHARS = "{}[]\":,.-+eE0123456789 \n\ttrufalsn\\/u0000\uFEFF\u0000\u001b\u00e9\ud83d";
    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ":", ",", "\"", "null", "true", "-1",
            "1e999", "99999999999999999999", "NaN", "\"\"", "{}", "[]", "\"schemaVersion\":2", "\"name\":\"x\"",
            "\"epochs\":0", "\"type\":\"finished\"", "\\u0000", "\uFEFF", "\u0000");

    private Mutations() {
    }

    /** Strings made of JSON's own characters: mostly invalid, sometimes valid JSON. */
    static Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars(JSON_CHARS).ofMaxLength(200);
    }

    /** One of the originals with up to four edits: delete, insert a token, duplicate or swap a slice. */
    static Arbitrary<String> mutated(Arbitrary<String> originals) {
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(0, 100_000), Arbitraries.integers().between(0, 40),
                        Arbitraries.integers().between(0, TOKENS.size() - 1))
                .as((kind, at, length, token) -> new int[] {kind, at, length, token});
        return Combinators.combine(originals, edit.list().ofMinSize(1).ofMaxSize(4)).as(Mutations::apply);
    }

    static String apply(String original, List<int[]> edits) {
        StringBuilder text = new StringBuilder(original);
        for (int[] e : edits) {
            int at = text.length() == 0 ? 0 : e[1] % text.length();
            int end = Math.min(text.length(), at + e[2]);
            switch (e[0]) {
                case 0 -> text.delete(at, end);
                case 1 -> text.insert(at, TOKENS.get(e[3]));
                case 2 -> text.insert(at, text.substring(at, end));
                case 3 -> text.replace(at, end, TOKENS.get(e[3]));
                default -> text.setLength(at); // cut off, as a killed writer leaves it
            }
        }
        return text.toString();
    }
}
