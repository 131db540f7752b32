package org.l2o4j.analysis.dynamics;

/**
 * The autonomous dynamics as a learning-rate schedule (analysis.md §5): iterate h ← F(h, 0) from the initial state
 * and read at each step the effective learning rate −∂Δx/∂g = −w·∂F/∂g(h_t, 0). A recurrent optimizer can count
 * time this way without seeing a gradient; the paper finds a warm-up of about 25 steps and then a roughly linear
 * decay on linear regression.
 *
 * @param rates    the effective learning rate at steps t = 0 .. T − 1
 * @param peakStep the step of the largest rate
 * @param decay    least-squares line through the rates from the peak on: {slope, intercept, R²} (NaN when fewer
 *                 than three steps follow the peak)
 */
public record LearningRateSchedule(double[] rates, int peakStep, double[] decay) {

    /** The schedule of {@code cell} from {@code initialState} over {@code steps} steps. */
    public static LearningRateSchedule of(RecurrentCell cell, double[] initialState, int steps) {
        double[] h = initialState.clone();
        double[] next = new double[h.length];
        double[] rates = new double[steps];
        int peak = 0;
        for (int t = 0; t < steps; t++) {
            rates[t] = UpdateFunctions.rate(cell, h, 0.0);
            if (rates[t] > rates[peak]) {
                peak = t;
            }
            cell.step(h, 0.0, next);
            System.arraycopy(next, 0, h, 0, h.length);
        }
        return new LearningRateSchedule(rates, peak, line(rates, peak));
    }

    /** Slope, intercept and R² of the least-squares line through (t, rates[t]) for t ≥ from. */
    static double[] line(double[] rates, int from) {
        int n = rates.length - from;
        if (n < 3) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double mt = 0;
        double my = 0;
        for (int t = from; t < rates.length; t++) {
            mt += (double) t / n;
            my += rates[t] / n;
        }
        double stt = 0;
        double sty = 0;
        double syy = 0;
        for (int t = from; t < rates.length; t++) {
            stt += (t - mt) * (t - mt);
            sty += (t - mt) * (rates[t] - my);
            syy += (rates[t] - my) * (rates[t] - my);
        }
        double slope = sty / stt;
        double r2 = syy == 0 ? 1 : sty * sty / (stt * syy);
        return new double[] {slope, my - slope * mt, r2};
    }
}
