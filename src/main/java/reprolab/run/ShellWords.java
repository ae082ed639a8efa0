package reprolab.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line into words as a POSIX shell does, without expanding anything: blanks separate words;
 * single quotes keep everything up to the next one; double quotes keep everything but a backslash
 * before {@code " \ $ `}; outside quotes a backslash keeps the next character. So
 * {@code --comment="two words" --constraint='a|b'} is two words, as in a batch script.
 */
public final class ShellWords {

    private ShellWords() {
    }

    /** The words of {@code line}; an unclosed quote or a trailing backslash is an error naming it. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed ' in: " + line);
                }
                word.append(line, i + 1, close);
                i = close;
                inWord = true;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 == line.length()) {
                    throw new IllegalArgumentException("a backslash ends: " + line);
                }
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** The line that {@link #split} turns back into {@code words}: a word with anything but safe characters is single-quoted. */
    public static String join(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String w : words) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(!w.isEmpty() && w.matches("[A-Za-z0-9_./:=,+@%-]+") ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }

    /** Appends a double-quoted part that starts at {@code from}; returns the index of its closing quote. */
    private static int doubleQuoted(String line, int from, StringBuilder word) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                c = line.charAt(++i);
            }
            word.append(c);
        }
        throw new IllegalArgumentException("unclosed \" in: " + line);
    }
}
