package reprolab.run;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Extra sbatch arguments typed in the app split as a shell splits them. */
class ShellWordsTest {

    @Test
    void quotesKeepBlanksAndAreRemoved() {
        assertEquals(List.of("--comment=two words", "--constraint=a|b", "--mem=4G"),
                ShellWords.split("  --comment=\"two words\"   --constraint='a|b' --mem=4G "));
    }

    @Test
    void backslashesEscapeOutsideQuotesAndBeforeSpecialCharactersInDoubleQuotes() {
        assertEquals(List.of("a b", "say \"hi\" \\n", "it's", ""), ShellWords.split("a\\ b \"say \\\"hi\\\" \\n\" it\\'s ''"));
    }

    @Test
    void nothingIsExpanded() {
        assertEquals(List.of("$HOME", "*", "~"), ShellWords.split("'$HOME' * ~"));
    }

    @Test
    void anUnclosedQuoteIsAnErrorNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShellWords.split("--comment=\"x"));
        assertTrue(e.getMessage().startsWith("unclosed \""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ShellWords.split("'x"));
        assertThrows(IllegalArgumentException.class, () -> ShellWords.split("x\\"));
        assertEquals(List.of(), ShellWords.split("   "));
    }
}
