package org.l2o4j.core.mdp;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each block of a state or observation vector sits, so that consumers find what they need by name instead of by
 * hard-coded index: GPS's cost reads the {@value #X} block (gps.md §4.2), its momentum controller weights the gradient
 * at lag j (gps.md §4.12, {@link #gradientOffset(int)}), a policy checks {@link #dimension()}.
 *
 * <p>For d = 4, H = 25 the state layouts are (offset, length):
 * <pre>
 * paper:         x (0, 4) | objective-differences (4, 25) | gradient-history (29, 100)                        = 129
 * released-code: x (0, 4) | relative-objective-changes (4, 25) | gradient-history (29, 100)
 *                | current-gradient (129, 4) | step-history (133, 100)                                        = 233
 * </pre>
 * and every observation layout is the state's without x, each offset less d (125 and 229). The order inside each
 * history block is documented on {@link FeaturePreset}.
 */
public final class FeatureLayout implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The current iterate x_t; only in states. */
    public static final String X = "x";
    /** {@code paper}: f(x_t) − f(x_{t−k−1}), newest first. */
    public static final String OBJECTIVE_DIFFERENCES = "objective-differences";
    /** {@code released-code}: relΔf, oldest first. */
    public static final String RELATIVE_OBJECTIVE_CHANGES = "relative-objective-changes";
    /** H gradients, d numbers each ({@code paper}: newest first; {@code released-code}: lags H..1, oldest first). */
    public static final String GRADIENT_HISTORY = "gradient-history";
    /** {@code released-code}: ∇f(x_t). */
    public static final String CURRENT_GRADIENT = "current-gradient";
    /** {@code released-code}: the last H steps Δx, oldest first. */
    public static final String STEP_HISTORY = "step-history";

    /** A named contiguous range [offset, offset + length). */
    public record Block(String name, int offset, int length) implements Serializable {
    }

    private final FeaturePreset preset;
    private final int problemDimension;
    private final List<Block> blocks;
    private final int dimension;
    /** gradientOffsets[lag] = offset of ∇f(x_{t−lag}), or −1 when that lag is not in the vector. */
    private final int[] gradientOffsets;

    private FeatureLayout(FeaturePreset preset, int problemDimension, List<Block> blocks, int[] gradientOffsets) {
        this.preset = preset;
        this.problemDimension = problemDimension;
        this.blocks = List.copyOf(blocks);
        Block last = blocks.get(blocks.size() - 1);
        this.dimension = last.offset() + last.length();
        this.gradientOffsets = gradientOffsets;
    }

    /** The state layout of {@code preset} for problems of dimension d. */
    static FeatureLayout of(FeaturePreset preset, int d) {
        if (d < 1) {
            throw new IllegalArgumentException("problem dimension must be >= 1, got " + d);
        }
        int h = preset.historyLength();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(X, 0, d));
        int[] gradientOffsets = new int[h + 1];
        Arrays.fill(gradientOffsets, -1);
        if (preset.isReleasedCode()) {
            blocks.add(new Block(RELATIVE_OBJECTIVE_CHANGES, d, h));
            int history = d + h;
            blocks.add(new Block(GRADIENT_HISTORY, history, h * d));
            int current = history + h * d;
            blocks.add(new Block(CURRENT_GRADIENT, current, d));
            blocks.add(new Block(STEP_HISTORY, current + d, h * d));
            gradientOffsets[0] = current;
            for (int lag = 1; lag <= h; lag++) {
                gradientOffsets[lag] = history + (h - lag) * d;
            }
        } else {
            blocks.add(new Block(OBJECTIVE_DIFFERENCES, d, h));
            int history = d + h;
            blocks.add(new Block(GRADIENT_HISTORY, history, h * d));
            for (int row = 0; row < h; row++) {
                gradientOffsets[row + preset.firstGradientLag()] = history + row * d;
            }
        }
        return new FeatureLayout(preset, d, blocks, gradientOffsets);
    }

    /** This layout without the {@value #X} block, every offset shifted down by its length: the observation's. */
    FeatureLayout withoutX() {
        if (!hasBlock(X)) {
            return this;
        }
        int shift = block(X).length();
        List<Block> rest = new ArrayList<>();
        for (Block b : blocks) {
            if (!b.name().equals(X)) {
                rest.add(new Block(b.name(), b.offset() - shift, b.length()));
            }
        }
        int[] offsets = gradientOffsets.clone();
        for (int lag = 0; lag < offsets.length; lag++) {
            if (offsets[lag] >= 0) {
                offsets[lag] -= shift;
            }
        }
        return new FeatureLayout(preset, problemDimension, rest, offsets);
    }

    /** The preset this layout belongs to. */
    public FeaturePreset preset() {
        return preset;
    }

    /** d, the dimension of the problems (and of an action). */
    public int problemDimension() {
        return problemDimension;
    }

    /** Length of the whole vector. */
    public int dimension() {
        return dimension;
    }

    /** The blocks in vector order. */
    public List<Block> blocks() {
        return blocks;
    }

    /** Whether a block of that name is present. */
    public boolean hasBlock(String name) {
        for (Block b : blocks) {
            if (b.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The block of that name; the error lists the blocks this layout has. */
    public Block block(String name) {
        for (Block b : blocks) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no block '" + name + "' in the " + preset.name() + " layout; its blocks are "
                + blocks.stream().map(Block::name).toList());
    }

    /** The largest gradient lag held (H for {@code released-code} and the literal {@code paper}, else H−1). */
    public int maxGradientLag() {
        int lag = gradientOffsets.length - 1;
        while (gradientOffsets[lag] < 0) {
            lag--;
        }
        return lag;
    }

    /**
     * Offset of the d numbers of ∇f(x_{t−lag}), or −1 when the vector does not hold that lag (lag 0 in the literal
     * {@code paper} preset, lags beyond {@link #maxGradientLag()}). The slot is zero while t &lt; lag.
     *
     * @throws IllegalArgumentException for a negative lag
     */
    public int gradientOffset(int lag) {
        if (lag < 0) {
            throw new IllegalArgumentException("gradient lag must be >= 0, got " + lag);
        }
        return lag < gradientOffsets.length ? gradientOffsets[lag] : -1;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(preset.name()).append(':');
        for (Block b : blocks) {
            s.append(' ').append(b.name()).append('[').append(b.offset()).append(", ")
                    .append(b.offset() + b.length()).append(')');
        }
        return s.append(" = ").append(dimension).toString();
    }
}
