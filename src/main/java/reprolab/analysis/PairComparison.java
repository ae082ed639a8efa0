package reprolab.analysis;

/**
 * One pair of runs compared bitwise.
 *
 * @param runA            id of the first run
 * @param runB            id of the second run
 * @param identical       every iteration both reported has equal fingerprints, and both finished
 *                        with the same final hash
 * @param firstDivergence where they first differ; null when no difference was seen (they are
 *                        identical, or agree as far as both got but one did not finish)
 */
public record PairComparison(String runA, String runB, boolean identical, Divergence firstDivergence) {
}
