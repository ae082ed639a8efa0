package reprolab.analysis;

import reprolab.events.EpochEvent;
import reprolab.events.IterationEvent;
import reprolab.events.RunHistory;

import java.util.List;

/**
 * The raw series as CSV for spreadsheets and plotting tools: every value at full precision (the
 * shortest decimal that reads back to the same double), empty fields for missing values.
 */
public final class ReportCsv {

    /** Header of {@link #series}. */
    public static final String SERIES_HEADER = "run,iteration,epoch,loss,accuracy,modelHash";
    /** Header of {@link #epochs}. */
    public static final String EPOCHS_HEADER = "run,epoch,iteration,valLoss,valAccuracy";

    private ReportCsv() {
    }

    /** Header, then one row per run per reported iteration, runs in the order given. */
    public static String series(List<RunHistory> runs) {
        StringBuilder out = new StringBuilder(SERIES_HEADER).append('\n');
        for (RunHistory run : runs) {
            for (IterationEvent e : run.iterations()) {
                row(out, run.runId(), e.iteration(), e.epoch(), e.loss(), e.accuracy(), e.modelHash());
            }
        }
        return out.toString();
    }

    /** Header, then one row per run per finished epoch with its validation loss and accuracy. */
    public static String epochs(List<RunHistory> runs) {
        StringBuilder out = new StringBuilder(EPOCHS_HEADER).append('\n');
        for (RunHistory run : runs) {
            for (EpochEvent e : run.epochs()) {
                row(out, run.runId(), e.epoch(), e.iteration(), e.valLoss(), e.valAccuracy());
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields[i]));
        }
        out.append('\n');
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof String && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            // A spreadsheet would run a text field starting like a formula; numbers are left as they are.
            text = "'" + text;
        }
        // Run ids are file-name safe, but hand-edited folders may not be: quote what a reader would split.
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
