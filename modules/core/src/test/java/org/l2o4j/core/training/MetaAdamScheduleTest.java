package org.l2o4j.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.l2o4j.core.training.gradient.MetaAdam;

/**
 * The halving schedule of {@link MetaAdam} in closed form: with a constant gradient the bias-corrected moments are
 * exactly g and g², so every step is lr_s · g / (|g| + ε) with lr_s = lr · 0.5^⌊s/N⌋.
 */
class MetaAdamScheduleTest {

    @Test
    void stepsFollowTheHalvingScheduleAndNoScheduleKeepsTheRate() {
        double lr = 8e-3;
        double eps = 0.1;
        double g = 0.3;
        MetaAdam halving = new MetaAdam(1, lr, 0.9, 0.999, eps, 4);
        MetaAdam constant = new MetaAdam(1, lr, 0.9, 0.999, eps);
        double[] theta = {0};
        double[] flat = {0};
        double expected = 0;
        for (int s = 0; s < 13; s++) {
            halving.step(theta, new double[] {g});
            constant.step(flat, new double[] {g});
            expected -= lr * Math.pow(0.5, s / 4) * g / (Math.abs(g) + eps);
            assertEquals(expected, theta[0], 1e-15, "after step " + s);
            assertEquals(-(s + 1) * lr * g / (Math.abs(g) + eps), flat[0], 1e-15, "no schedule, step " + s);
        }
        assertEquals(lr / 8, halving.learningRate(12), 0.0);
        assertEquals(lr / 4, halving.learningRate(11), 0.0);
    }
}
